/**
 * Lesson files are untrusted input (a lesson pack can come from anywhere), so before anything is
 * rendered we remove whatever could drive the terminal: ANSI/VT escape sequences (CSI, OSC, DCS …)
 * and every other C0/C1 control character except newline and tab.
 */

// ESC-introduced sequences: CSI (ESC [ … final), OSC/DCS/PM/APC/SOS strings (ESC ] … BEL or ESC \),
// and two-character escapes (ESC + one byte). Also the 8-bit CSI (U+009B) and OSC (U+009D) forms.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|[\u001b][\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|[\u009d\u0090\u0098\u009e\u009f][\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[\s\S]?/g;
// C0 controls except \t (09) and \n (0A); DEL; C1 controls. \r is dropped too (CRLF files read fine).
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function sanitizeText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL_CHARACTER, '');
}

/** The 1-based line of the first control character other than tab, newline and carriage return. */
export function firstControlCharacterLine(text: string): number | undefined {
  const index = text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}
