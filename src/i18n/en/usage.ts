// Usage errors of the command line (commander's own, reworded by src/cli.ts). `command` is the
// command's path ("read", "progress undo"), empty for the program itself; each message names it.

const on = (command: string): string => (command ? `${command}: ` : '');

export const usage = {
  unknownOption: (command: string, flag: string) => `${on(command)}unknown option "${flag}"`,
  missingArgument: (command: string, argument: string, usage: string) => `${on(command)}missing argument ${argument} (usage: ${usage})`,
  tooManyArguments: (command: string, expected: number, got: number) =>
    `${on(command)}too many arguments: it takes ${expected === 0 ? 'none' : `at most ${expected}`}, got ${got}`,
  missingValue: (command: string, flag: string, value: string) => `${on(command)}${flag}: missing value (expected ${value})`,
  invalidValue: (command: string, flag: string, value: string) => `${on(command)}${flag}: "${value}" is not a valid value`,
  other: (command: string, help: string) => `${on(command)}wrong usage; see "${help}"`,
};
