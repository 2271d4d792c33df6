/**
 * What the demo marketplace contains: plain data, no I/O. `demo-seed.ts` plays it through the
 * platform's own API. Every text is Chinese with English beside it; money is integer fen.
 */

/** Every demo login signs in with this password (printed at start and in the README). */
export const DEMO_PASSWORD = 'demo-password-2026';

/** The demo is present when this account exists (no table records it: the schema stays the services'). */
export const DEMO_ENTERPRISE_EMAIL = 'enterprise@demo.jiebang.cn';

export type DemoUserKey = 'enterprise' | 'leadKunming' | 'memberKunming' | 'leadYunnan' | 'leadDelft' | DemoJudgeKey;
export type DemoJudgeKey = 'judge1' | 'judge2' | 'judge3' | 'judge4' | 'judge5';
export type DemoTeamKey = 'kunming' | 'yunnan' | 'delft';
export type DemoChallengeKey = 'mems' | 'sorting' | 'gateway' | 'electrode' | 'magnet' | 'notoginseng';

export interface DemoUser {
  key: DemoUserKey;
  email: string;
  displayName: string;
  locale: 'zh-CN' | 'en';
  /** What the printed login list says about the account. */
  role: string;
}

export const DEMO_JUDGES: readonly DemoJudgeKey[] = ['judge1', 'judge2', 'judge3', 'judge4', 'judge5'];

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'enterprise', email: DEMO_ENTERPRISE_EMAIL, displayName: '陈建国 Chen Jianguo', locale: 'zh-CN', role: 'enterprise (发榜方), 昆明高新智能制造集团' },
  { key: 'leadKunming', email: 'lead.kunming@demo.jiebang.cn', displayName: '李晓梅 Li Xiaomei', locale: 'zh-CN', role: 'team lead, 昆明理工大学 智能传感实验室 (CN)' },
  { key: 'memberKunming', email: 'member.kunming@demo.jiebang.cn', displayName: '赵一鸣 Zhao Yiming', locale: 'zh-CN', role: 'team member, 昆明理工大学 智能传感实验室' },
  { key: 'leadYunnan', email: 'lead.yunnan@demo.jiebang.cn', displayName: '王磊 Wang Lei', locale: 'zh-CN', role: 'team lead, 云南精密制造研究院 (CN)' },
  { key: 'leadDelft', email: 'lead.delft@demo.jiebang.eu', displayName: 'Pieter de Vries', locale: 'en', role: 'team lead, TU Delft Precision Mechatronics Lab (NL)' },
  { key: 'judge1', email: 'judge1@demo.jiebang.cn', displayName: '张伟 Zhang Wei', locale: 'zh-CN', role: 'expert; chairs the room ready to open' },
  { key: 'judge2', email: 'judge2@demo.jiebang.cn', displayName: '刘芳 Liu Fang', locale: 'zh-CN', role: 'expert' },
  { key: 'judge3', email: 'judge3@demo.jiebang.cn', displayName: '周明 Zhou Ming', locale: 'zh-CN', role: 'expert' },
  { key: 'judge4', email: 'judge4@demo.jiebang.cn', displayName: '杨静 Yang Jing', locale: 'zh-CN', role: 'expert (昆明理工大学: recused from its team)' },
  { key: 'judge5', email: 'judge5@demo.jiebang.cn', displayName: '黄海 Huang Hai', locale: 'zh-CN', role: 'expert' },
];

/** 统一社会信用代码 of the demo enterprise without its check character (91 = enterprise, 530100 = Kunming). */
export const ENTERPRISE_CREDIT_CODE_17 = '91530100MA6K8J2B1';

export const ENTERPRISE_ORG = { name: '昆明高新智能制造集团有限公司 Kunming Hi-Tech Intelligent Manufacturing Group', kind: 'ENTERPRISE', country: 'CN' } as const;
export const UNIVERSITY_ORG = { name: '昆明理工大学 Kunming University of Science and Technology', kind: 'UNIVERSITY', country: 'CN' } as const;

export interface DemoExpert {
  judge: DemoJudgeKey;
  title: string;
  fields: string[];
  bio: string;
  /** Works for the university whose lab bids: recused from its bids automatically. */
  university?: true;
}

export const DEMO_EXPERTS: readonly DemoExpert[] = [
  {
    judge: 'judge1',
    title: '研究员 Research Professor',
    fields: ['智能制造', 'intelligent manufacturing', 'MEMS'],
    bio: '中国科学院沈阳自动化研究所研究员，长期从事工业传感器与智能制造研究。Research professor at the Shenyang Institute of Automation (CAS): industrial sensors and intelligent manufacturing.',
  },
  {
    judge: 'judge2',
    title: '教授 Professor',
    fields: ['新材料', 'rare-earth magnets', '稀土永磁'],
    bio: '北京科技大学教授，研究稀土永磁材料二十余年。Professor at the University of Science and Technology Beijing, rare-earth permanent magnets for over twenty years.',
  },
  {
    judge: 'judge3',
    title: '正高级工程师 Senior Engineer',
    fields: ['机器视觉', 'machine vision', '锂电池'],
    bio: '动力电池行业质量总工程师，二十年产线在线检测经验。Chief quality engineer in the power-battery industry, twenty years of inline inspection.',
  },
  {
    judge: 'judge4',
    title: '教授 Professor',
    fields: ['材料科学', 'materials science', '传感器'],
    bio: '昆明理工大学材料科学与工程学院教授。Professor of materials science and engineering, Kunming University of Science and Technology.',
    university: true,
  },
  {
    judge: 'judge5',
    title: '高级工程师 Senior Engineer',
    fields: ['工业互联网', 'edge computing', '电力电子'],
    bio: '云南省工业互联网创新中心技术总监。Chief technology officer of the Yunnan Industrial Internet Innovation Centre.',
  },
];

export interface DemoTeam {
  key: DemoTeamKey;
  lead: DemoUserKey;
  members: DemoUserKey[];
  name: string;
  kind: 'RESEARCH_GROUP' | 'UNIVERSITY_LAB' | 'COMPANY' | 'INDIVIDUAL_EXPERT';
  country: string;
  /** The team belongs to the university organisation (its lead created it). */
  university?: true;
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { key: 'kunming', lead: 'leadKunming', members: ['memberKunming'], name: '昆明理工大学 智能传感实验室 KUST Smart Sensing Lab', kind: 'UNIVERSITY_LAB', country: 'CN', university: true },
  { key: 'yunnan', lead: 'leadYunnan', members: [], name: '云南精密制造研究院 攻关组 Yunnan Precision Manufacturing Institute', kind: 'RESEARCH_GROUP', country: 'CN' },
  { key: 'delft', lead: 'leadDelft', members: [], name: 'TU Delft 精密机电实验室 Precision Mechatronics Lab', kind: 'UNIVERSITY_LAB', country: 'NL' },
];

/** 技术先进性 40 / 可行性 30 / 团队能力 20 / 性价比 10, each out of 10: a judge's total is 4·t + 3·f + 2·m + 1·v. */
export const DEMO_RUBRIC = [
  { key: 'technical', name: '技术先进性 Technical merit', description: '技术路线的先进性与创新性 How advanced and original the approach is', weight: 40, maxScore: 10 },
  { key: 'feasibility', name: '可行性 Feasibility', description: '指标可达性、进度与风险 Whether the indicators, schedule and risks are credible', weight: 30, maxScore: 10 },
  { key: 'team', name: '团队能力 Team', description: '研发基础、人员与业绩 Track record, people and facilities', weight: 20, maxScore: 10 },
  { key: 'value', name: '性价比 Value', description: '报价与周期的合理性 Whether price and duration are reasonable', weight: 10, maxScore: 10 },
];

export type DemoStage = 'SUBMITTED' | 'PUBLISHED' | 'CLOSED' | 'CONVENED' | 'AWARDED';

export interface DemoBid {
  team: DemoTeamKey;
  technicalApproach: string;
  quotedPriceFen: number;
  durationDays: number;
}

export interface DemoChallenge {
  key: DemoChallengeKey;
  /** Where the demo leaves it: SUBMITTED (awaiting review), PUBLISHED (open for bids), CLOSED (bids sealed, not yet
   * shortlisted), CONVENED (EVALUATING, its room ready to open) or AWARDED (its room finalised). */
  stage: DemoStage;
  title: string;
  summary: string;
  detail: string;
  industryField: string;
  tags: string[];
  indicators: { name: string; target: string; unit: string; measurement: string }[];
  rewardFen: number;
  winners: number;
  /** Days the bidding window stays open from now (published ones). */
  openDays: number;
  ipTerms: 'TRANSFER' | 'SHARED' | 'LICENCE';
  ndaRequired: boolean;
  bids: DemoBid[];
}

const yuan = (amount: number): number => amount * 100;

export const DEMO_CHALLENGES: readonly DemoChallenge[] = [
  {
    key: 'mems',
    stage: 'PUBLISHED',
    title: '高精度MEMS传感器芯片国产化',
    summary:
      'Domestic high-precision MEMS sensor chips｜面向工业物联网的高精度 MEMS 压力传感器芯片，替代目前依赖进口的同类产品，年需求约 120 万片。' +
      'High-precision MEMS pressure sensor chips for the industrial IoT, replacing imported parts (about 1.2 million chips a year).',
    detail:
      '## 保密详情 Confidential detail\n\n- 现用进口芯片型号与采购价 Imported part numbers in use and their prices\n' +
      '- 封装产线工艺参数 Process parameters of our packaging line\n- 三年采购计划 Three-year purchasing plan: 120 万片/年 1.2 M chips a year',
    industryField: 'ADVANCED_MANUFACTURING',
    tags: ['传感器', 'MEMS', '国产替代', 'sensors'],
    indicators: [
      { name: '测量精度 Accuracy', target: '≤ 0.1', unit: '%FS', measurement: '第三方检测机构按 GB/T 15478 测试 Third-party lab, GB/T 15478' },
      { name: '工作温度 Operating temperature', target: '-40 ~ 125', unit: '°C', measurement: '高低温循环 500 次 500 thermal cycles' },
      { name: '良品率 Yield', target: '≥ 95', unit: '%', measurement: '连续三批、每批 10,000 片 Three lots of 10,000 chips' },
      { name: '单片成本 Unit cost', target: '≤ 18', unit: 'CNY', measurement: '年产 100 万片时 At 1 M chips a year' },
    ],
    rewardFen: yuan(5_000_000),
    winners: 1,
    openDays: 30,
    ipTerms: 'TRANSFER',
    ndaRequired: false,
    bids: [
      { team: 'delft', technicalApproach: 'SOI 硅压阻芯片 + 片上温度补偿 ASIC｜SOI piezoresistive die with an on-chip temperature-compensation ASIC', quotedPriceFen: yuan(4_600_000), durationDays: 300 },
    ],
  },
  {
    key: 'sorting',
    stage: 'PUBLISHED',
    title: '高原特色农产品智能分选装备',
    summary:
      'Smart grading equipment for plateau specialty produce｜面向云南咖啡豆、核桃和鲜切花的在线智能分选装备，按品级、瑕疵和成熟度分选，处理能力不低于 5 吨/小时；' +
      '赛马制，资助两支团队并行攻关。Inline machine-vision grading of Yunnan coffee beans, walnuts and cut flowers at 5 t/h or more; a horse race funding two teams.',
    detail:
      '## 保密详情 Confidential detail\n\n- 合作社现有分选线布局图 Layout of the cooperatives\' current grading lines\n' +
      '- 近三年分级标准与退货数据 Grading standards and returns of the last three years',
    industryField: 'PLATEAU_AGRICULTURE',
    tags: ['农业装备', '机器视觉', '咖啡', 'agritech'],
    indicators: [
      { name: '分选准确率 Grading accuracy', target: '≥ 98', unit: '%', measurement: '每品类抽检 5,000 件 5,000 items sampled per product' },
      { name: '处理能力 Throughput', target: '≥ 5', unit: 't/h', measurement: '连续运行 8 小时 Eight hours of continuous running' },
      { name: '破损率 Damage rate', target: '≤ 0.5', unit: '%', measurement: '人工复检 Manual re-inspection' },
    ],
    rewardFen: yuan(1_200_000),
    winners: 2,
    openDays: 45,
    ipTerms: 'SHARED',
    ndaRequired: true,
    bids: [],
  },
  {
    key: 'gateway',
    stage: 'CLOSED',
    title: '工业互联网边缘计算网关',
    summary:
      'Industrial-internet edge computing gateway｜兼容 Modbus、PROFINET、OPC UA 等 12 种工业协议的国产边缘计算网关，支持本地 AI 推理与断网续传。' +
      'A domestic edge gateway speaking 12 industrial protocols (Modbus, PROFINET, OPC UA …) with on-device AI inference and store-and-forward.',
    detail: '## 保密详情 Confidential detail\n\n- 车间设备清单与协议分布 Shop-floor equipment and their protocols\n- 现有 MES 接口文档 Interfaces of our MES',
    industryField: 'DIGITAL_ECONOMY',
    tags: ['工业互联网', '边缘计算', 'IIoT'],
    indicators: [
      { name: '协议兼容 Protocols supported', target: '≥ 12', unit: '种 protocols', measurement: '现场联调 On-site integration test' },
      { name: '端到端时延 End-to-end latency', target: '≤ 10', unit: 'ms', measurement: 'P99，1,000 点/秒 P99 at 1,000 points/s' },
      { name: '平均无故障时间 MTBF', target: '≥ 50,000', unit: 'h', measurement: 'GB/T 5080 可靠性试验 Reliability test per GB/T 5080' },
    ],
    rewardFen: yuan(2_000_000),
    winners: 1,
    openDays: 20,
    ipTerms: 'LICENCE',
    ndaRequired: false,
    bids: [
      { team: 'yunnan', technicalApproach: '国产 RISC-V 多核 SoC + 实时 Linux，协议栈插件化｜Domestic RISC-V multicore SoC, real-time Linux and pluggable protocol stacks', quotedPriceFen: yuan(1_680_000), durationDays: 240 },
      { team: 'kunming', technicalApproach: 'FPGA 协议卸载 + ARM 应用核，TSN 时间同步｜FPGA protocol offload, ARM application cores and TSN time sync', quotedPriceFen: yuan(1_850_000), durationDays: 270 },
    ],
  },
  {
    key: 'electrode',
    stage: 'CONVENED',
    title: '锂电池极片缺陷在线检测系统',
    summary:
      'Inline defect detection for lithium-battery electrode sheets｜在 80 米/分钟涂布速度下在线识别极片针孔、划痕、漏箔等缺陷，漏检率不高于 0.05%。' +
      'Inline detection of pinholes, scratches and bare foil on electrode sheets at a coating speed of 80 m/min, missing at most 0.05 %.',
    detail: '## 保密详情 Confidential detail\n\n- 缺陷样本库（12 万张标注图像）Defect library of 120,000 labelled images\n- 涂布机型号与安装空间 Coater models and mounting space',
    industryField: 'GREEN_ENERGY',
    tags: ['锂电池', '缺陷检测', '机器视觉', 'batteries'],
    indicators: [
      { name: '漏检率 Miss rate', target: '≤ 0.05', unit: '%', measurement: '连续 30 天产线数据 30 days of production data' },
      { name: '误报率 False alarms', target: '≤ 0.5', unit: '%', measurement: '同上 Same data' },
      { name: '检测速度 Line speed', target: '≥ 80', unit: 'm/min', measurement: '双面同时检测 Both sides at once' },
    ],
    rewardFen: yuan(3_000_000),
    winners: 1,
    openDays: 25,
    ipTerms: 'TRANSFER',
    ndaRequired: false,
    bids: [
      { team: 'kunming', technicalApproach: '多光谱线阵相机 + 轻量化缺陷分割网络｜Multispectral line-scan cameras with a lightweight defect-segmentation network', quotedPriceFen: yuan(2_600_000), durationDays: 240 },
      { team: 'yunnan', technicalApproach: '激光三角测量 + 传统图像算法｜Laser triangulation with classical image processing', quotedPriceFen: yuan(2_350_000), durationDays: 210 },
      { team: 'delft', technicalApproach: '事件相机 + 自监督异常检测｜Event cameras with self-supervised anomaly detection', quotedPriceFen: yuan(2_880_000), durationDays: 300 },
    ],
  },
  {
    key: 'magnet',
    stage: 'AWARDED',
    title: '高矫顽力稀土永磁材料晶界扩散工艺',
    summary:
      'Grain-boundary diffusion for high-coercivity rare-earth magnets｜以晶界扩散技术将烧结钕铁硼磁体的重稀土用量降低 50% 以上，矫顽力不低于 25 kOe。' +
      'Halve the heavy rare earths in sintered NdFeB magnets with grain-boundary diffusion while keeping coercivity at 25 kOe or more.',
    detail: '## 保密详情 Confidential detail\n\n- 现有烧结与热处理工艺卡 Current sintering and annealing process sheets\n- 镝、铽年采购量 Yearly dysprosium and terbium purchases',
    industryField: 'NEW_MATERIALS',
    tags: ['稀土', '永磁材料', 'NdFeB', 'rare earths'],
    indicators: [
      { name: '矫顽力 Coercivity', target: '≥ 25', unit: 'kOe', measurement: '20 °C，B-H 回线测量 B-H loop at 20 °C' },
      { name: '重稀土用量降低 Heavy rare-earth reduction', target: '≥ 50', unit: '%', measurement: '与现行工艺对比 Against the current process' },
      { name: '剩磁 Remanence', target: '≥ 13.8', unit: 'kGs', measurement: '同上 Same test' },
    ],
    rewardFen: yuan(3_000_000),
    winners: 1,
    openDays: 30,
    ipTerms: 'TRANSFER',
    ndaRequired: false,
    bids: [
      { team: 'delft', technicalApproach: '磁控溅射 Tb 薄膜 + 双级晶界扩散热处理｜Magnetron-sputtered Tb films with two-stage grain-boundary diffusion annealing', quotedPriceFen: yuan(2_650_000), durationDays: 360 },
      { team: 'kunming', technicalApproach: 'Pr-Cu 低共熔合金晶界扩散｜Pr–Cu eutectic alloy grain-boundary diffusion', quotedPriceFen: yuan(2_300_000), durationDays: 330 },
      { team: 'yunnan', technicalApproach: '浸渍涂覆 Dy 化合物 + 常规热处理｜Dip-coated Dy compounds with conventional annealing', quotedPriceFen: yuan(1_980_000), durationDays: 300 },
    ],
  },
  {
    key: 'notoginseng',
    stage: 'SUBMITTED',
    title: '三七有效成分高效提取与纯化工艺',
    summary:
      'Efficient extraction of the active compounds of Panax notoginseng｜将三七总皂苷提取率提高到 90% 以上、溶剂用量减半，并满足 GMP 要求。' +
      'Raise the yield of notoginseng saponins above 90 % with half the solvent, under GMP.',
    detail: '## 保密详情 Confidential detail\n\n- 现行提取工艺与收率 Current extraction process and yields',
    industryField: 'BIOMEDICINE',
    tags: ['三七', '中药', '提取工艺', 'biomedicine'],
    indicators: [
      { name: '总皂苷提取率 Saponin yield', target: '≥ 90', unit: '%', measurement: 'HPLC，药典方法 HPLC per the Pharmacopoeia' },
      { name: '溶剂用量 Solvent use', target: '≤ 50', unit: '% of today', measurement: '每吨原料 Per tonne of raw material' },
    ],
    rewardFen: yuan(800_000),
    winners: 1,
    openDays: 40,
    ipTerms: 'LICENCE',
    ndaRequired: false,
    bids: [],
  },
];

/** A clarification question on the open MEMS challenge, asked by the Kunming lead and answered by the enterprise. */
export const DEMO_QUESTION = {
  challenge: 'mems' as DemoChallengeKey,
  asker: 'leadKunming' as DemoUserKey,
  question: '测量精度是否要求在全温区（-40 ~ 125 °C）内满足？Must the accuracy hold over the whole temperature range?',
  answer: '是的，全温区内均需满足 ≤ 0.1 %FS，按 GB/T 15478 在五个温度点测试。Yes: ≤ 0.1 %FS over the whole range, tested at five temperatures per GB/T 15478.',
};

/** The NDA of the sorting challenge, accepted by the Kunming lead for the team. */
export const DEMO_NDA = { challenge: 'sorting' as DemoChallengeKey, team: 'kunming' as DemoTeamKey };

/** A conflict of interest declared by hand in the room ready to open (the university's expert is recused automatically). */
export const DEMO_DECLARED_CONFLICT = {
  judge: 'judge3' as DemoJudgeKey,
  team: 'delft' as DemoTeamKey,
  reason: '该团队方案使用了本人参与建设的缺陷数据集 The team builds on a defect data set I helped create',
};

/** Scores (technical, feasibility, team, value) in the finalised room; null: the judge is recused from that bid. */
export const DEMO_SCORES: Record<DemoTeamKey, Record<DemoJudgeKey, [number, number, number, number] | null>> = {
  // 85, 80, 86, 77, 93: trimmed mean of 85, 80, 86 = 83.67, the winner.
  delft: { judge1: [9, 8, 9, 7], judge2: [8, 8, 8, 8], judge3: [9, 9, 8, 7], judge4: [8, 7, 9, 6], judge5: [10, 9, 9, 8] },
  // judge4 works for the university: recused; 79, 77, 75, 80 (four totals, no trim): 77.75.
  kunming: { judge1: [8, 8, 7, 9], judge2: [7, 8, 8, 9], judge3: [8, 7, 7, 8], judge4: null, judge5: [8, 8, 8, 8] },
  // 62, 56, 58, 56, 66: trimmed mean 58.67, below the pass mark of 60.
  yunnan: { judge1: [6, 6, 6, 8], judge2: [5, 6, 5, 8], judge3: [6, 5, 6, 7], judge4: [5, 5, 6, 9], judge5: [7, 6, 6, 8] },
};

export const DEMO_COMMENTS: Record<DemoTeamKey, string> = {
  delft: '路线先进，指标论证充分。Advanced route, indicators well argued.',
  kunming: '方案扎实，成本优势明显。Solid plan with a clear cost advantage.',
  yunnan: '工艺成熟但难以达到矫顽力指标。Mature process, but unlikely to reach the coercivity target.',
};

/** Bid milestones: a third, two thirds and the whole duration, paid 30/30/40 %. */
export function demoMilestones(durationDays: number): { title: string; dueDay: number; deliverable: string; paymentBasisPoints: number }[] {
  return [
    { title: '方案设计与样品 Design and samples', dueDay: Math.round(durationDays / 3), deliverable: '设计报告与样品测试报告 Design report and sample test report', paymentBasisPoints: 3000 },
    { title: '中试验证 Pilot validation', dueDay: Math.round((durationDays * 2) / 3), deliverable: '中试报告（企业签字）Pilot report signed by the enterprise', paymentBasisPoints: 3000 },
    { title: '验收 Acceptance', dueDay: durationDays, deliverable: '按全部技术指标的验收测试 Acceptance test against every indicator', paymentBasisPoints: 4000 },
  ];
}

export function demoProposal(team: DemoTeam, challenge: DemoChallenge, bid: DemoBid): string {
  return [
    `# ${challenge.title}：${team.name}`,
    '',
    '## 技术路线 Approach',
    '',
    bid.technicalApproach,
    '',
    '## 指标承诺 Indicators we commit to',
    '',
    ...challenge.indicators.map((i) => `- ${i.name}: ${i.target} ${i.unit}`),
    '',
    '## 进度 Schedule',
    '',
    ...demoMilestones(bid.durationDays).map((m) => `- 第 ${m.dueDay} 天 Day ${m.dueDay}: ${m.title}`),
  ].join('\n');
}
