import type { HelpText } from './help-en.js';

/** 命令行帮助（commander）的中文文字。键与 help-en.ts 一一对应。 */
export const helpZh: HelpText = {
  program: '在终端里学习 ChatGPT 背后的基础知识（深度学习、自然语言处理、循环神经网络、注意力机制），提供中英文两种语言。',
  version: '显示版本号',
  help: '显示帮助',
  lang: '课程和提示的语言：en 或 zh（默认：先看设置，再看系统语言环境）',
  lessons: '另外加载 DIR 中的课程包（可重复使用）',
  noColor: '输出不带颜色的纯文本（也可设置 NO_COLOR）',
  examples: '示例：',
  homeExample: '首页：你的进度和下一步该读什么',
  environment: `环境变量：
  ML_TUTOR_HOME   进度保存的位置（默认：$XDG_DATA_HOME/ml-tutor 或 ~/.local/share/ml-tutor）
  ML_TUTOR_NOW    当作“现在”的 ISO 日期时间（用于测试）；晚于真实时钟、或早于记录中最新事件的时间
                  不会写入，除非设置 ML_TUTOR_SIMULATE=1
  ML_TUTOR_LANG   en 或 zh；未设置时参考 LANGUAGE / LANG
  NO_COLOR        设为任意值即关闭颜色；PAGER 指定分页程序（默认：less -R）`,
  headings: { usage: '用法：', arguments: '参数：', options: '选项：', globalOptions: '全局选项：', commands: '命令：' },
  list: { description: '列出主题和课程，并标出你读过的', topic: '只看这个主题（id 或前缀）' },
  json: '输出机器可读的 JSON',
  width: '按这么多列换行（默认：终端宽度，最多 100）',
  noPager: '直接输出到终端，不经过 $PAGER',
  read: {
    description: '阅读一课；其中的演示就地运行，读完即标记为已读',
    lesson: '课程 id、唯一前缀，或“主题/序号”（如 attention/2）',
    outline: '只列出带编号的小节目录',
    section: '只显示第 N 节（或第 N.M 小节）',
  },
  next: { description: '阅读你还没读过的第一课' },
  demo: { description: '列出数值演示，或逐步运行其中一个（加 --json 输出结果）', name: '要运行的演示', flags: '演示自己的参数（见：ml-tutor demo NAME --help）' },
  quiz: {
    description: '间隔重复练习：先复习到期的卡片，再学新卡片；每个答案都会立即保存',
    scope: '一个主题（id 或前缀）或一课（id、前缀或“主题/序号”）；默认：全部',
    new: '本次练习的新卡片数量，代替今天剩余的额度',
    limit: '最多练习 N 张卡片（到期的优先）',
    cram: '把范围内每张卡片都练一遍；会记录，但不改变复习计划',
    seed: '选项顺序和生成数字的随机种子（可重现的练习）',
    glossary: '改为练习术语表中的术语：用你的语言出题，用另一种语言作答（ml-tutor glossary 可以列出全部术语）',
    porcelain: '标准输出为 JSON 行，标准输入每行一个答案（标准输入不是终端时的默认方式）',
    protocol: `机器接口协议（每行一个 JSON 对象）：
  输出 {"event":"question","id","type","prompt","options"?}
  输入 选项编号（多选：“1,3”）、一个数、文字答案、“skip”或“quit”（输入结束即 quit）
  输出 {"event":"result","id","correct","expected","rating","due","interval_days","again_in_session",...}，答案保存之后才输出；
      again_in_session 为 true：这张卡（答了“重来”）在本轮结束前还会再问一次
  输出 {"event":"error","message"}：输入无法评分，随后再问同一题
  分步练习（“type”为“steps”）每一步输出一个“question”，带“step”“of”“attempt”和“size”（要填几个数，用空格隔开）；
      每个答案输出一个带“step”的“result”（第一次答错时带“hint”，“retry”为 true），整张卡最后输出带“rating”和“steps”的“result”
  输出 {"event":"summary","answered","correct",...}：练习结束时
  题目文字与课程原文一致：行内代码保留 Markdown 反引号（\`…\`）`,
  },
  stats: { description: '各主题的掌握情况、记忆保持率、连续天数和到期预测', json: '输出机器可读的 JSON：{topics, streak, reviews_today, forecast}' },
  optimize: {
    description: '根据你自己的复习记录拟合 FSRS 参数，并用它安排复习（progress undo 可以撤销）',
    dryRun: '显示拟合出的参数和它们的对数损失，但不保存',
    json: '输出机器可读的 JSON：{reviews, old, new, better, saved, dry_run}，其中 `old` 和 `new` 都是 {w, log_loss}',
    notes: `optimize 用 FSRS 优化器（\`fsrs-rs\`，可选依赖 @open-spaced-repetition/binding）根据你的复习记录
拟合 FSRS-6 的 21 个参数，并用对数损失给当前参数和拟合参数打分：看哪一组更能预测你能否记起一张卡。
只有拟合参数预测得更准时才会保存（作为进度记录中的一个事件）；之后所有复习计划，连同整个复习历史，
都按它推算。至少需要 64 次与这张卡上次复习不在同一天的复习；突击练习不算。`,
  },
  progress: {
    description: '撤销、暂停、导出、导入或重置你的练习进度（每次改动都是一个可撤销的事件）',
    undo: '撤销最近一次答题（或重置，或 optimize 保存的参数）',
    suspend: '暂停一张卡片，直到你恢复它为止',
    suspendCard: '卡片（题目）id，例如 attention/why-scale',
    unsuspend: '把暂停的卡片放回练习',
    card: '卡片（题目）id',
    export: '把进度日志（events.jsonl）写到 FILE 或标准输出',
    exportFile: '写到哪里（原子写入）；默认：标准输出',
    force: '如果 FILE 已存在，就替换它',
    import: '按事件 id 把另一份进度日志合并进来（重复导入不会多算）',
    importFile: '由“ml-tutor progress export”导出的 events.jsonl',
    reset: '清除练习进度（全部或一个主题）；重置也记为事件，“progress undo”可以恢复',
    topic: '只重置这个主题；写 glossary 则重置 quiz --glossary 的术语卡片',
    yes: '不再确认（标准输入不是终端时必须加上）',
  },
  validate: { description: '检查课程和测验题；每个问题都标明所在文件和行号', dir: '课程目录（默认：内置课程和所有 --lessons 课程包）' },
  search: {
    zhExample: 'ml-tutor search 梯度消失 --lang zh',
    description: '查找提到某些词的课程、小节和测验题（中文不用加空格）',
    words: '要查找的词：英文只需写出词的开头，不分大小写；中文写出短语的任意部分即可',
    allLangs: '在所有语言的课程中查找，而不只是你所用的语言',
    limit: '最多显示 N 条结果（默认：20）',
    ranking: `排序：一行至少匹配一半的查询词（中文短语按相邻的两个字计算）才算命中。匹配的词越多越靠前；
匹配数相同时，依次是课程标题、小节标题、测验题和解析、正文；再相同就按教学顺序。每条结果都标明
课程和小节（rnn/3 §2），以及打开它的命令。没有结果不算出错：退出码为 0，--json 输出 []。`,
  },
  glossary: {
    zhExample: 'ml-tutor glossary 梯度 --lang zh',
    description: '课程的中英文术语表，每个术语都注明首次引入它的课',
    term: '按英文或中文的任意部分查找术语（不分大小写），并给出阅读那一课的命令',
    alpha: '按字母顺序排列（中文读者按拼音），而不是按教学顺序',
    notes: `术语取自中文课程：每个术语第一次出现时写作“中文术语 (English term)”；每个术语列出按教学顺序
第一篇注释它的课。查不到术语时输出一行说明，退出码为 1（--json 输出 []，退出码同样为 1）。`,
  },
  completion: {
    description: '输出 bash、zsh 或 fish 的命令补全脚本',
    shell: 'bash、zsh 或 fish',
    install: `安装（一行即可，之后每个新开的 shell 都能补全）：
  bash   echo 'source <(ml-tutor completion bash)' >> ~/.bashrc
  zsh    echo 'source <(ml-tutor completion zsh)' >> ~/.zshrc      （在 compinit 之后）
  fish   ml-tutor completion fish > ~/.config/fish/completions/ml-tutor.fish`,
  },
  config: {
    description: '查看或修改设置：lang、new_per_day、desired_retention、sync_dir（用来同步进度的共享文件夹）',
    key: '要查看或修改的设置',
    value: '新的值',
    unset: '删除这项设置（恢复默认值）',
  },
};
