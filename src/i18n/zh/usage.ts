import type { usage as enUsage } from '../en/usage.js';

// 命令行用法错误（commander 自己的报错，由 src/cli.ts 改写）：command 是命令路径，程序本身为空。

const on = (command: string): string => (command ? `${command}：` : '');

export const usage: typeof enUsage = {
  unknownOption: (command, flag) => `${on(command)}没有“${flag}”这个选项`,
  missingArgument: (command, argument, usage) => `${on(command)}缺少参数 ${argument}（用法：${usage}）`,
  tooManyArguments: (command, expected, got) =>
    `${command ? `命令 ${command} ` : ''}${expected === 0 ? '不接受参数' : `最多接受 ${expected} 个参数`}，实际给了 ${got} 个`,
  missingValue: (command, flag, value) => `${on(command)}${flag} 缺少取值（应为 ${value}）`,
  invalidValue: (command, flag, value) => `${on(command)}${flag} 的值“${value}”无效`,
  other: (command, help) => `${on(command)}用法有误，请运行“${help}”查看用法`,
};
