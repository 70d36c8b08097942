import type { Language } from './messages';

/**
 * What each code the gateway answers means to the person at the screen; the gateway's own
 * message (Vietnamese / English, with the unit, the rule or the figure) is shown under it.
 */
const ERROR_TITLES: Record<string, Record<Language, string>> = {
  UNAUTHENTICATED: { vi: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại', en: 'Your session ended: please sign in again' },
  FORBIDDEN: { vi: 'Bạn không có quyền với dữ liệu hoặc thao tác này', en: 'You may not see or do this' },
  BAD_USER_INPUT: { vi: 'Dữ liệu nhập chưa hợp lệ', en: 'Some input is not valid' },
  NOT_FOUND: { vi: 'Không tìm thấy', en: 'Not found' },
  NOT_IN_FORCE: { vi: 'Không còn hiệu lực vào ngày đã chọn', en: 'Not in force on that date' },
  CONFLICT: { vi: 'Dữ liệu vừa được người khác thay đổi hoặc đã tồn tại', en: 'Changed by someone else, or already there' },
  QUOTA_EXCEEDED: { vi: 'Vượt chỉ tiêu biên chế được giao', en: 'Over the staffing quota allocated' },
  PROPOSAL_STEP_OUT_OF_ORDER: { vi: 'Đề án không ở bước này (có thể đã được xử lý)', en: 'The proposal is not at this step (maybe already handled)' },
  EVALUATION_STEP_OUT_OF_ORDER: { vi: 'Phiếu đánh giá không ở bước này', en: 'The evaluation is not at this step' },
  RATING_QUOTA_EXCEEDED: { vi: 'Vượt tỷ lệ xếp loại cho phép', en: 'Over the share allowed for that rating' },
  RATE_LIMITED: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', en: 'Too many requests: try again in a moment' },
  BODY_TOO_LARGE: { vi: 'Tệp hoặc dữ liệu gửi lên quá lớn', en: 'What was sent is too large' },
  GRAPHQL_VALIDATION_FAILED: { vi: 'Yêu cầu không khớp với lược đồ (cần cập nhật bảng điều khiển)', en: 'The request does not fit the schema (update the console)' },
  GRAPHQL_PARSE_FAILED: { vi: 'Yêu cầu không đọc được', en: 'The request could not be read' },
  BAD_REQUEST: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  IMPORT_FILE_UNREADABLE: { vi: 'Không đọc được tệp', en: 'The file could not be read' },
  IMPORT_FILE_EMPTY: { vi: 'Tệp không có dòng dữ liệu', en: 'The file has no rows' },
  IMPORT_COLUMNS_MISSING: { vi: 'Tệp thiếu cột bắt buộc', en: 'The file lacks required columns' },
  INTERNAL_SERVER_ERROR: { vi: 'Lỗi hệ thống; đã ghi nhận, vui lòng thử lại sau', en: 'A system error, logged: try again later' },
  NETWORK: { vi: 'Không kết nối được máy chủ', en: 'The server cannot be reached' },
};

/** A title for the code in the language; unknown codes read as a general failure naming the code. */
export function errorTitle(code: string, language: Language): string {
  return ERROR_TITLES[code]?.[language] ?? (language === 'vi' ? `Không thực hiện được (${code})` : `Could not be done (${code})`);
}

/** The gateway's "Vietnamese / English" message, the half in the language (the whole when not split). */
export function messageIn(message: string, language: Language): string {
  const halves = message.split(' / ');
  if (halves.length !== 2) return message;
  return language === 'vi' ? halves[0] : halves[1];
}

export const KNOWN_ERROR_CODES = Object.keys(ERROR_TITLES);
