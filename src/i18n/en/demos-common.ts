// What every demo shares: help, the common flags (src/demos/index.ts, flags.ts).

export const common = {
  flagsPlaceholder: 'flags',
  flagsHeading: 'Flags:',
  matrixSyntax: 'Matrices: rows separated by ";", entries by ","; a vector is one row ("1,0;0,1").',
  examplesHeading: 'Examples:',
  byDefault: (text: string) => ` (default ${text})`,
  flagSeed: 'seed for random numbers (same output on every machine)',
  flagJson: 'print the result object as JSON',
  flagPredict: 'guess the key number before it is revealed',
};
