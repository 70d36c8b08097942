import { DomainError, ErrorCode } from '@ps/errors';

/**
 * Requests refused at the edge, before any resolver: each with its stable code, HTTP status
 * and fixed words. The same on the gateway and on every subgraph, whatever NODE_ENV is.
 */
export const EDGE_FAILURES = {
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Chỉ nhận yêu cầu POST', en: 'Only POST requests are accepted' },
  CONTENT_TYPE_UNSUPPORTED: {
    status: 415,
    vi: 'Nội dung yêu cầu phải là application/json',
    en: 'The request body must be application/json',
  },
  CHARSET_UNSUPPORTED: { status: 415, vi: 'Bảng mã của yêu cầu phải là utf-8', en: 'The request charset must be utf-8' },
  CONTENT_ENCODING_UNSUPPORTED: {
    status: 415,
    vi: 'Kiểu nén không được hỗ trợ (chỉ gzip, deflate, br hoặc không nén)',
    en: 'Unsupported content-encoding (gzip, deflate, br or none)',
  },
  NOT_ACCEPTABLE: {
    status: 406,
    vi: 'Câu trả lời chỉ có dạng JSON (Accept: application/json)',
    en: 'Answers are JSON only (Accept: application/json)',
  },
  BODY_TOO_LARGE: { status: 413, vi: 'Nội dung yêu cầu vượt quá giới hạn cho phép', en: 'The request body is larger than allowed' },
  BODY_NOT_JSON: { status: 400, vi: 'Nội dung yêu cầu không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  BATCH_UNSUPPORTED: {
    status: 400,
    vi: 'Mỗi yêu cầu chỉ một thao tác; không hỗ trợ gửi theo lô',
    en: 'One operation per request; batches are not supported',
  },
  QUERY_MISSING: { status: 400, vi: 'Thiếu truy vấn GraphQL (trường "query")', en: 'No GraphQL query (the "query" field)' },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu GraphQL không đúng dạng', en: 'The GraphQL request is malformed' },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    status: 400,
    vi: 'Không hỗ trợ truy vấn lưu sẵn; hãy gửi cả truy vấn',
    en: 'Persisted queries are not supported; send the query itself',
  },
  OPERATION_NAME_REQUIRED: {
    status: 400,
    vi: 'Truy vấn có nhiều thao tác: hãy nêu tên một thao tác trong operationName',
    en: 'The document holds several operations: name one in operationName',
  },
  OPERATION_NOT_FOUND: {
    status: 400,
    vi: 'operationName không khớp thao tác nào trong truy vấn',
    en: 'operationName names no operation of the document',
  },
  SUBSCRIPTION_UNSUPPORTED: { status: 400, vi: 'Không hỗ trợ subscription', en: 'Subscriptions are not supported' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có địa chỉ này; GraphQL ở /graphql', en: 'No such path; GraphQL is at /graphql' },
} as const;

export type EdgeFailure = keyof typeof EDGE_FAILURES;

/** A request refused at the edge: `extensions.code` is the failure's name, the HTTP status its own. */
export class EdgeError extends DomainError {
  constructor(
    readonly failure: EdgeFailure,
    details?: Record<string, unknown>,
  ) {
    const { status, vi, en } = EDGE_FAILURES[failure];
    super(failure, { vi, en }, { httpStatus: status, details });
  }
}

/** Why a string a request carries is refused (`details.reason`). */
export const TEXT_PROBLEMS = {
  TEXT_NUL: { vi: 'Chuỗi ký tự chứa ký tự NUL (\\u0000)', en: 'Text contains a NUL character (\\u0000)' },
  TEXT_INVALID_UNICODE: {
    vi: 'Chuỗi ký tự không phải Unicode hợp lệ (UTF-8 lỗi hoặc surrogate lẻ)',
    en: 'Text is not valid Unicode (invalid UTF-8 or a lone surrogate)',
  },
  TEXT_TOO_LONG: { vi: 'Chuỗi ký tự dài quá giới hạn cho phép', en: 'Text is longer than allowed' },
} as const;

export type TextProblem = keyof typeof TEXT_PROBLEMS;

/** BAD_USER_INPUT (HTTP 400) for a string no resolver should ever see; `where` names it ("$input.name", "line 3, column 15"). */
export class InvalidTextError extends DomainError {
  constructor(problem: TextProblem, where: string, limits: { maxLength?: number } = {}) {
    super(ErrorCode.BadUserInput, TEXT_PROBLEMS[problem], { httpStatus: 400, details: { reason: problem, where, ...limits } });
  }
}
