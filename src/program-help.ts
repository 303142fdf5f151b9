/**
 * The command line's help in the learner's language: commander is given the English help table
 * (program.ts), and these hooks show each description and heading from the table of the language
 * the learner reads, decided only when help is shown, so that no other command pays for it.
 */
import { Help } from 'commander';
import { readFileSync } from 'node:fs';
import { languageWithoutFlag } from './core/lang-choice.js';
import { helpEn, type HelpText } from './i18n/help-en.js';
import { helpZh } from './i18n/help-zh.js';
import { configPath, dataDir } from './io/paths.js';

let shownTable: HelpText | undefined;

/**
 * The help table in the learner's language, decided when help is shown (so no other command pays
 * for it): --lang as typed, else ML_TUTOR_LANG, the config's lang, the locale. An unknown --lang
 * gets English help (the command itself then says what is wrong).
 */
export function shownHelp(): HelpText {
  if (shownTable) return shownTable;
  const argv = process.argv;
  const at = argv.findIndex((word) => word === '--lang' || word.startsWith('--lang='));
  const flag = at < 0 ? undefined : argv[at]!.startsWith('--lang=') ? argv[at]!.slice('--lang='.length) : argv[at + 1];
  let config: string | undefined;
  try {
    config = (JSON.parse(readFileSync(configPath(dataDir(process.env)), 'utf8')) as { lang?: string }).lang;
  } catch {
    config = undefined;
  }
  const lang = flag !== undefined ? flag.trim().toLowerCase() : languageWithoutFlag({ config, env: process.env });
  shownTable = lang === 'zh' ? helpZh : helpEn;
  return shownTable;
}

/** Each English help string and its counterpart in the shown table (same keys, same places). */
function counterparts(english: unknown, other: unknown, into = new Map<string, string>()): Map<string, string> {
  if (typeof english === 'string' && typeof other === 'string') into.set(english, other);
  else if (typeof english === 'object' && english !== null && typeof other === 'object' && other !== null) {
    for (const key of Object.keys(english)) counterparts((english as Record<string, unknown>)[key], (other as Record<string, unknown>)[key], into);
  }
  return into;
}

let translations: Map<string, string> | undefined;

function shown(text: string): string {
  const table = shownHelp();
  if (table === helpEn) return text;
  // Built once per run: a help page asks for every description it lists.
  translations ??= counterparts(helpEn, table);
  return translations.get(text) ?? text;
}

/** commander's help, with every description and heading from the shown table. */
export const localizedHelp: Partial<Help> = {
  commandDescription(command) {
    return shown(Help.prototype.commandDescription.call(this, command));
  },
  subcommandDescription(command) {
    return shown(Help.prototype.subcommandDescription.call(this, command));
  },
  optionDescription(option) {
    return shown(Help.prototype.optionDescription.call(this, option));
  },
  argumentDescription(argument) {
    return shown(Help.prototype.argumentDescription.call(this, argument));
  },
  formatHelp(command, helper) {
    const table = shownHelp();
    let text = Help.prototype.formatHelp.call(helper, command, helper);
    if (table === helpEn) return text;
    for (const key of Object.keys(helpEn.headings) as Array<keyof HelpText['headings']>) text = text.replace(new RegExp(`^${helpEn.headings[key]} ?`, 'gm'), table.headings[key]);
    return text;
  },
};
