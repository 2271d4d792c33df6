/**
 * Every error code the platform answers, with its HTTP status and its message in English and
 * Chinese. A plain file (no imports): the server types its errors with it and the web client
 * builds its error translations from it, so a code without a status or a translation does not
 * compile. A call site may say more than `en` (e.g. with the values at hand); `en` and `zh` are
 * what a client shows for the code.
 */
interface ErrorCodeEntry {
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  en: string;
  zh: string;
}

export const ERROR_CODES = {
  // 400: the request is malformed or invalid.
  VALIDATION_FAILED: { status: 400, en: 'The request is invalid', zh: '请求无效，请修正标出的字段' },
  BAD_REQUEST: { status: 400, en: 'The request is malformed', zh: '请求格式有误' },
  BAD_URL: { status: 400, en: 'The URL has a percent-encoded part that is not UTF-8', zh: '网址中含有非 UTF-8 的百分号编码' },
  INVALID_JSON: { status: 400, en: 'The body is not valid JSON', zh: '请求体不是有效的 JSON' },
  INPUT_TOO_DEEP: { status: 400, en: 'The input nests objects and arrays too deeply', zh: '输入的对象或数组嵌套过深' },
  ARRAY_TOO_LONG: { status: 400, en: 'A list in the input has too many elements', zh: '输入中的列表元素过多' },
  STRING_TOO_LONG: { status: 400, en: 'A text in the input is too long', zh: '输入中的文本过长' },
  TOO_MANY_KEYS: { status: 400, en: 'An object in the input has too many fields', zh: '输入中的对象字段过多' },
  KEY_TOO_LONG: { status: 400, en: 'A field name in the input is too long', zh: '输入中的字段名过长' },
  FORBIDDEN_KEY: { status: 400, en: 'The input has a field that is not accepted', zh: '输入中含有不被接受的字段' },
  PRICE_ENVELOPE_SEALED: { status: 400, en: 'The price envelope is sealed: score the technical criteria only', zh: '商务标尚未开启：只能对技术评分项打分' },
  PRICE_SCORED_BY_FORMULA: { status: 400, en: 'The price criterion is scored by the price formula, not by the judges', zh: '价格评分项由价格公式计算，评审专家不打分' },
  UNKNOWN_COMMAND: { status: 400, en: 'This is not a command of the evaluation room', zh: '这不是评审室的指令' },

  // 401: the caller is not (or no longer) signed in.
  UNAUTHENTICATED: { status: 401, en: 'A valid access token is required', zh: '请先登录' },
  TOKEN_MISSING: { status: 401, en: 'Sign in: an access token is required', zh: '请先登录' },
  TOKEN_INVALID: { status: 401, en: 'The access token is invalid', zh: '登录凭证无效，请重新登录' },
  TOKEN_EXPIRED: { status: 401, en: 'The access token has expired', zh: '登录已过期，请重新登录' },
  TOKEN_REVOKED: { status: 401, en: 'This sign-in has ended; sign in again', zh: '本次登录已结束，请重新登录' },
  INVALID_CREDENTIALS: { status: 401, en: 'The email or password is wrong', zh: '邮箱或密码不正确' },
  USER_GONE: { status: 401, en: 'This account no longer exists', zh: '该账号已不存在' },
  REFRESH_TOKEN_INVALID: { status: 401, en: 'The refresh token is invalid or expired', zh: '刷新凭证无效或已过期，请重新登录' },
  REFRESH_TOKEN_EXPIRED: { status: 401, en: 'The refresh token is invalid or expired', zh: '刷新凭证无效或已过期，请重新登录' },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    en: 'This refresh token was already used; every session of this sign-in is now revoked',
    zh: '该刷新凭证已被使用，本次登录的所有会话均已注销',
  },

  // 403: signed in, but not allowed.
  FORBIDDEN: { status: 403, en: 'You are not allowed to do this', zh: '无权执行此操作' },
  ROLE_REQUIRED: { status: 403, en: 'This needs another role', zh: '无权执行此操作：需要相应的角色' },
  ORIGIN_NOT_ALLOWED: { status: 403, en: 'This origin may not open the evaluation room', zh: '此来源不得打开评审室' },
  ENTERPRISE_REQUIRED: { status: 403, en: 'Only members of a verified enterprise organisation post challenges', zh: '只有已认证企业机构的成员才能发榜' },
  NOT_ORG_ENTERPRISE: { status: 403, en: 'You do not act for this organisation as a verified enterprise', zh: '你不代表该机构作为已认证企业行事' },
  NOT_ORG_MEMBER: { status: 403, en: 'Only members of this organisation see its members', zh: '只有该机构的成员才能查看其成员' },
  NOT_ORG_OWNER: { status: 403, en: 'Only an owner of this organisation invites members or revokes invitations', zh: '只有该机构的所有者才能邀请成员或撤回邀请' },
  NOT_INVITEE: { status: 403, en: 'Only the person invited answers this invitation', zh: '只有受邀人本人才能答复该邀请' },
  NOT_CHALLENGE_OWNER: { status: 403, en: 'Only the organisation that posted the challenge does this', zh: '只有发榜机构才能执行此操作' },
  NOT_TEAM_MEMBER: { status: 403, en: 'Only members of this team and admins see its history', zh: '只有该团队成员和管理员才能查看其历史' },
  NOT_TEAM_LEAD: { status: 403, en: 'Only a lead of this team may do this', zh: '只有该团队的负责人才能执行此操作' },
  TEAM_NOT_INVITED: { status: 403, en: 'This challenge is by invitation and this team is not invited', zh: '该榜单仅限受邀，此团队未受邀请' },
  TEAM_NOT_ELIGIBLE: { status: 403, en: 'This challenge is invite-only and the team is not invited', zh: '该榜单仅限受邀，此团队未受邀请' },
  OWN_CHALLENGE: { status: 403, en: 'An enterprise never bids on its own challenge, directly or through its people', zh: '企业不得直接或通过其成员揭自己发布的榜' },
  NDA_NOT_ACCEPTED: { status: 403, en: "The team lead must accept this challenge's NDA before the team bids", zh: '团队负责人须先接受该榜单的保密协议，团队才能揭榜' },
  OWNER_CANNOT_ASK: { status: 403, en: 'The posting organisation answers questions; it does not ask them', zh: '发榜机构负责回答问题，不能提问' },
  EXPERTS_ADMIN_ONLY: { status: 403, en: 'Only admins see other experts’ entries', zh: '只有管理员才能查看其他专家的条目' },
  NOT_CHAIR: { status: 403, en: 'Only the chair of this room does this', zh: '只有本评审室的主席才能执行此操作' },
  NOT_ON_PANEL: { status: 403, en: 'Only a judge on this room’s panel does this', zh: '只有本评审室的评审专家才能执行此操作' },
  NOT_BIDDING_TEAM: { status: 403, en: 'Only a member of the team that made this bid objects on it', zh: '只有提交该方案的团队成员才能对其提出异议' },
  NOT_A_ROOM_BID: { status: 403, en: 'This bid is not evaluated in this room', zh: '该方案不在本评审室评审' },
  JUDGE_RECUSED: { status: 403, en: 'You are recused from this bid', zh: '你已回避该方案' },
  BID_CONTENT_RESTRICTED: { status: 403, en: 'Bid content is for the panel, the chair, the admins and the owner', zh: '方案内容仅供评审专家、主席、管理员和发榜方查看' },
  DECLARATIONS_RESTRICTED: { status: 403, en: 'Declarations are for the chair, the admins and each judge’s own', zh: '利益声明仅供主席、管理员及专家本人查看' },
  RECORD_RESTRICTED: {
    status: 403,
    en: 'The record is for the chair and the admins until the room is finalised, then also for the panel and the owner',
    zh: '评审记录在定稿前仅供主席和管理员查看，定稿后评审专家和发榜方也可查看',
  },
  CHAIR_OR_ADMIN_ONLY: { status: 403, en: 'Leniency is for the chair and the admins', zh: '评分宽严度仅供主席和管理员查看' },

  // 404: nothing the caller may see here (NotFound builds `<SUBJECT>_NOT_FOUND`).
  NOT_FOUND: { status: 404, en: 'Not found', zh: '未找到' },
  BID_NOT_FOUND: { status: 404, en: 'Bid not found', zh: '未找到该方案' },
  CHALLENGE_NOT_FOUND: { status: 404, en: 'Challenge not found', zh: '未找到该榜单' },
  DEAD_LETTER_NOT_FOUND: { status: 404, en: 'Dead letter not found', zh: '未找到该死信' },
  EXPERT_NOT_FOUND: { status: 404, en: 'Expert not found', zh: '未找到该专家' },
  FEEDBACK_NOT_FOUND: { status: 404, en: 'Feedback not found', zh: '未找到该反馈' },
  INVITATION_NOT_FOUND: { status: 404, en: 'Invitation not found', zh: '未找到该邀请' },
  MEMBER_NOT_FOUND: { status: 404, en: 'Member not found', zh: '未找到该成员' },
  OBJECTION_NOT_FOUND: { status: 404, en: 'Objection not found', zh: '未找到该异议' },
  ORGANISATION_NOT_FOUND: { status: 404, en: 'Organisation not found', zh: '未找到该机构' },
  QUESTION_NOT_FOUND: { status: 404, en: 'Question not found', zh: '未找到该问题' },
  DRAW_NOT_FOUND: { status: 404, en: 'Draw not found', zh: '未找到该抽取记录' },
  PANEL_JUDGE_NOT_FOUND: { status: 404, en: 'This judge is not on the room’s panel', zh: '该专家不在本评审室的评审组中' },
  ROOM_NOT_FOUND: { status: 404, en: 'Room not found', zh: '未找到该评审室' },
  ROOM_BID_NOT_FOUND: { status: 404, en: 'Room bid not found', zh: '评审室中未找到该方案' },
  SCORE_NOT_FOUND: { status: 404, en: 'Score not found', zh: '未找到该评分' },
  TEAM_NOT_FOUND: { status: 404, en: 'Team not found', zh: '未找到该团队' },
  USER_NOT_FOUND: { status: 404, en: 'User not found', zh: '未找到该用户' },

  // Refused by the HTTP layer (Fastify's own codes kept as it answers them).
  METHOD_NOT_ALLOWED: { status: 405, en: 'This method is not allowed here', zh: '不支持此请求方法' },
  PAYLOAD_TOO_LARGE: { status: 413, en: 'The request is too large', zh: '请求内容过大' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, en: 'The request body is too large', zh: '请求体过大' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, en: 'The Content-Length does not match the body', zh: '请求的内容长度与请求体不符' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, en: 'This content type is not supported', zh: '不支持该内容类型' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, en: 'This content type is not supported', zh: '不支持该内容类型' },

  // 409: the request conflicts with the current state.
  CONFLICT: { status: 409, en: 'This conflicts with the current state', zh: '操作与当前状态冲突' },
  EMAIL_TAKEN: { status: 409, en: 'An account with this email already exists', zh: '该邮箱已注册' },
  CREDIT_CODE_TAKEN: { status: 409, en: 'An organisation with this unified social credit code is already registered', zh: '该统一社会信用代码的机构已注册' },
  ORGANISATION_DUPLICATE: { status: 409, en: 'This organisation is already registered and verified: ask to join it instead', zh: '该机构已注册并认证：请申请加入该机构' },
  CONVENING_WARNINGS: { status: 409, en: 'Convening has warnings for the bureau: acknowledge them with a reason', zh: '组建评审有待评审办确认的提示：请说明理由后确认' },
  ORG_ALREADY_VERIFIED: { status: 409, en: 'This organisation is already verified', zh: '该机构已认证' },
  ALREADY_MEMBER: { status: 409, en: 'This user is already a member', zh: '该用户已是成员' },
  ALREADY_INVITED: { status: 409, en: 'This user already has a pending invitation here', zh: '该用户已有一份待答复的邀请' },
  INVITATION_NOT_PENDING: { status: 409, en: 'This invitation has already been accepted, declined or revoked', zh: '该邀请已被接受、拒绝或撤回' },
  LAST_LEAD: { status: 409, en: 'A team keeps at least one lead: have another lead join first', zh: '团队至少保留一名负责人：请先让另一名负责人加入' },
  ORG_LIMIT_REACHED: { status: 409, en: 'You may have at most this many organisations', zh: '你创建的机构已达上限' },
  TEAM_LIMIT_REACHED: { status: 409, en: 'You may have at most this many teams', zh: '你创建的团队已达上限' },
  QUESTION_LIMIT_REACHED: { status: 409, en: 'You may ask at most this many questions on a challenge', zh: '你在该榜单上的提问已达上限' },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    en: 'A request with this Idempotency-Key is still being processed; retry once it has finished',
    zh: '使用该幂等键的请求仍在处理中，请在其完成后重试',
  },
  IDEMPOTENCY_ANSWER_NOT_KEPT: {
    status: 409,
    en: 'The answer to the first request with this Idempotency-Key was too large to keep; read the resource instead',
    zh: '使用该幂等键的首个请求的应答过大未被保存，请直接读取该资源',
  },
  CHALLENGE_TRANSITION_FORBIDDEN: { status: 409, en: 'The challenge cannot do this in its current status', zh: '该榜单在当前状态下不能执行此操作' },
  BID_TRANSITION_FORBIDDEN: { status: 409, en: 'The bid cannot do this in its current status', zh: '该方案在当前状态下不能执行此操作' },
  CHALLENGE_NOT_EDITABLE: { status: 409, en: 'This challenge cannot be edited in its current status', zh: '该榜单在当前状态下不能编辑' },
  CHALLENGE_NOT_AMENDABLE: { status: 409, en: 'Only a published challenge is amended; edit drafts with PATCH', zh: '只有已发布的榜单才能修订，草稿请直接编辑' },
  CHALLENGE_NOT_PUBLISHED: { status: 409, en: 'The challenge is not published', zh: '该榜单尚未发布' },
  CHALLENGE_CANCELLED: { status: 409, en: 'This challenge was cancelled; its bids are frozen', zh: '该榜单已撤销，其方案已冻结' },
  CHALLENGE_NOT_CLOSED: { status: 409, en: 'Bidding on this challenge has not closed', zh: '该榜单的揭榜尚未截止' },
  BIDDING_CLOSED: { status: 409, en: 'Bidding on this challenge has closed', zh: '该榜单的揭榜已截止' },
  BIDDING_NOT_CLOSED: { status: 409, en: 'This is done once bidding has closed', zh: '须在揭榜截止后才能执行此操作' },
  BIDDING_WINDOW_TOO_SHORT: {
    status: 409,
    en: 'Bidding must stay open for the minimum window after publication: move closesAt later first',
    zh: '揭榜期自发布之时起不得短于最短期限：请先推后截止时间',
  },
  CLOSES_AT_EARLIER: { status: 409, en: 'closesAt can only move later', zh: '截止时间只能推后' },
  RUBRIC_FROZEN: { status: 409, en: 'The rubric cannot change once the challenge is published', zh: '榜单发布后评分细则不能更改' },
  PASS_MARK_FROZEN: { status: 409, en: 'The pass mark cannot change once the challenge is published', zh: '榜单发布后及格分不能更改' },
  REWARD_DECREASED: { status: 409, en: 'The reward cannot drop once the challenge is published', zh: '榜单发布后奖金不能降低' },
  OPENS_AT_FROZEN: { status: 409, en: 'opensAt cannot change once the challenge is published', zh: '榜单发布后开放时间不能更改' },
  WINNERS_FROZEN: { status: 409, en: 'winners cannot change once the challenge is published', zh: '榜单发布后中榜名额不能更改' },
  IP_TERMS_FROZEN: { status: 409, en: 'ipTerms cannot change once the challenge is published', zh: '榜单发布后知识产权条款不能更改' },
  NDA_FROZEN: { status: 409, en: 'ndaRequired cannot change once the challenge is published', zh: '榜单发布后保密协议要求不能更改' },
  ELIGIBILITY_FROZEN: { status: 409, en: 'eligibility cannot change once the challenge is published', zh: '榜单发布后参与资格不能更改' },
  INVITATION_WITHDRAWN: { status: 409, en: 'Invitations can be added to a published challenge, not withdrawn', zh: '已发布的榜单只能增加邀请，不能撤回' },
  NDA_NOT_REQUIRED: { status: 409, en: 'This challenge does not require an NDA', zh: '该榜单不要求保密协议' },
  QUESTIONS_CLOSED: { status: 409, en: 'Clarification questions are open while the challenge is published', zh: '只有在榜单发布期间才能提出澄清问题' },
  QUESTION_ALREADY_ANSWERED: { status: 409, en: 'This question has been answered already', zh: '该问题已被回答' },
  BID_WINDOW_NOT_OPEN: { status: 409, en: 'Bidding on this challenge has not opened yet', zh: '该榜单尚未开放揭榜' },
  BID_WINDOW_CLOSED: { status: 409, en: 'Bidding on this challenge has closed; bids are frozen', zh: '该榜单的揭榜已截止，方案已冻结' },
  BID_ALREADY_EXISTS: {
    status: 409,
    en: 'This team already has an active bid on this challenge: revise it (PUT /api/bids/:id) or withdraw it first',
    zh: '该团队在此榜单上已有有效方案：请修改或先撤回',
  },
  SHORTLIST_FROZEN: { status: 409, en: 'The shortlist is frozen', zh: '入围名单已冻结' },
  EXPERT_EXISTS: { status: 409, en: 'This user is already in the expert pool', zh: '该用户已在专家库中' },
  ROOM_EXISTS: { status: 409, en: 'This challenge already has an evaluation room', zh: '该榜单已有评审室' },
  DRAW_EXISTS: { status: 409, en: 'This challenge already has a panel draw', zh: '该榜单已有专家抽取记录' },
  POOL_TOO_SMALL: { status: 409, en: 'Too few eligible experts for the panel and its alternates', zh: '符合条件的专家不足以组成评审组及候补' },
  DRAW_ALREADY_RUN: { status: 409, en: 'This draw has been run already', zh: '该抽取已执行' },
  DRAW_NOT_RUN: { status: 409, en: 'This draw has not been run yet', zh: '该抽取尚未执行' },
  PANEL_NOT_DRAWN: { status: 409, en: 'This room’s panel was hand-picked: it has no alternates', zh: '本评审室的评审组系指定产生，没有候补专家' },
  ALTERNATES_EXHAUSTED: { status: 409, en: 'Every alternate of the draw has been used', zh: '抽取的候补专家已全部递补' },
  CHAIR_NOT_REPLACEABLE: { status: 409, en: 'The chair is not replaced from the alternates', zh: '评审组组长不由候补专家递补' },
  BID_NOT_SHORTLISTED: { status: 409, en: 'Only shortlisted bids are evaluated', zh: '只有入围方案才参与评审' },
  SHORTLIST_INCOMPLETE: { status: 409, en: 'Every shortlisted bid of the challenge must be in the room', zh: '该榜单的所有入围方案都须在评审室中' },
  ROOM_NOT_CONVENED: { status: 409, en: 'This is done before the room opens', zh: '须在评审室开启前执行此操作' },
  ROOM_NOT_OPEN: { status: 409, en: 'The room is not open', zh: '评审室未在进行中' },
  ROOM_FINALIZED: { status: 409, en: 'The room is finalised; its record is read-only', zh: '评审室已定稿，其记录只读' },
  DECLARATIONS_INCOMPLETE: {
    status: 409,
    en: 'Every judge must declare conflicts of interest on every bid before the room opens',
    zh: '评审室开启前，每位专家须就每个方案作出利益冲突声明',
  },
  RECUSAL_AUTOMATIC: { status: 409, en: 'You are recused from these bids automatically; that cannot be declared away', zh: '你已自动回避这些方案，不能通过声明取消' },
  BID_LOCKED: { status: 409, en: 'Scoring of this bid is locked', zh: '该方案的评分已锁定' },
  BID_NOT_LOCKED: { status: 409, en: 'Scoring of this bid is not locked', zh: '该方案的评分未锁定' },
  BIDS_NOT_LOCKED: { status: 409, en: 'Scoring is still open on some bids', zh: '仍有方案的评分未锁定' },
  SINGLE_ENVELOPE: { status: 409, en: 'This room was convened with one envelope: its prices are not sealed', zh: '本评审室采用单信封评审，报价未密封' },
  PRICES_ALREADY_OPEN: { status: 409, en: 'The prices of this room are already open', zh: '本评审室的商务标已开启' },
  PRICES_NOT_OPEN: { status: 409, en: 'The prices of this room have not been opened yet', zh: '本评审室的商务标尚未开启' },
  PRICE_SCORES_MISSING: { status: 409, en: 'Some judges have not scored the price criterion of this bid', zh: '仍有评审专家未对该方案的价格评分项打分' },
  BID_NOT_PRESENTING: { status: 409, en: 'This bid has not been presented yet', zh: '该方案尚未陈述' },
  NO_BID_PRESENTING: { status: 409, en: 'Put a bid on stage before starting the countdown', zh: '开始倒计时前请先安排方案陈述' },
  TIMER_RUNNING: { status: 409, en: 'The countdown is already running', zh: '倒计时已在进行' },
  TIMER_NOT_RUNNING: { status: 409, en: 'The countdown is not running', zh: '倒计时未在进行' },
  NOT_REVEALED: { status: 409, en: 'The ranking has not been revealed yet', zh: '排名尚未公布' },
  OBJECTION_WINDOW_CLOSED: { status: 409, en: 'The objection window has closed', zh: '异议期已结束' },
  OBJECTION_WINDOW_OPEN: { status: 409, en: 'The objection window is still open', zh: '异议期尚未结束' },
  OBJECTION_ANSWERED: { status: 409, en: 'This objection has already been answered', zh: '该异议已被答复' },
  OBJECTIONS_UNANSWERED: { status: 409, en: 'Some objections still await an answer', zh: '仍有异议等待答复' },
  FEEDBACK_NOT_READY: { status: 409, en: 'Feedback is given once the room is finalised', zh: '评审室定稿后才提供反馈' },

  // 422: understood, but it cannot be applied.
  UNPROCESSABLE: { status: 422, en: 'The request cannot be processed', zh: '请求无法处理' },
  AMENDMENT_EMPTY: { status: 422, en: 'The amendment changes nothing', zh: '该修订没有任何改动' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    en: 'This Idempotency-Key was already used with another request; use a new key for a new request',
    zh: '该幂等键已用于另一个请求，新请求请使用新键',
  },
  OPERATION_ID_REUSED: { status: 422, en: 'This operation id was already used for another command or payload', zh: '该操作编号已用于另一条指令或内容' },

  // 429 and 503: retry later (with Retry-After).
  RATE_LIMITED: { status: 429, en: 'Too many attempts; try again later', zh: '尝试次数过多，请稍后再试' },
  DATABASE_UNAVAILABLE: { status: 503, en: 'The database did not answer in time; try again shortly', zh: '数据库暂时无法响应，请稍后再试' },

  // 500: a bug.
  INTERNAL: { status: 500, en: 'An unexpected error occurred', zh: '服务器出错' },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes answered with HTTP status `S`. */
export type ErrorCodeOfStatus<S extends number> = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] extends S ? C : never;
}[ErrorCode];

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);

/** Each code's message in one language, e.g. for a client's translations. */
export function errorMessages(language: 'en' | 'zh'): Record<ErrorCode, string> {
  return Object.fromEntries(Object.entries(ERROR_CODES).map(([code, entry]) => [code, entry[language]])) as Record<ErrorCode, string>;
}
