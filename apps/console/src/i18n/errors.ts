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
  ACCOUNT_DIRECTORY_UNAVAILABLE: { vi: 'Không kết nối được danh bạ tài khoản (Keycloak); vui lòng thử lại sau', en: 'The account directory (Keycloak) cannot be reached: try again later' },
  SIGN_IN_UNAVAILABLE: { vi: 'Không liên lạc được dịch vụ đăng nhập (Keycloak); vui lòng thử lại sau ít phút', en: 'The sign-in service (Keycloak) cannot be reached: try again in a few minutes' },
  ACCOUNT_UNIT_CEASED: { vi: 'Đơn vị của tài khoản đã chấm dứt: cần chuyển sang đơn vị kế thừa trước', en: 'The account’s unit has ceased: move it to the successor first' },
  ALREADY_ASSIGNED: { vi: 'Người này đã giữ chức danh đó', en: 'Already holds that post' },
  ALREADY_PARTY_MEMBER: { vi: 'Người này đã là đảng viên', en: 'Already a Party member' },
  ALREADY_PLANNED: { vi: 'Người này đã có trong quy hoạch', en: 'Already on the planning list' },
  ALREADY_ROTATING: { vi: 'Người này đang được luân chuyển', en: 'Already on a rotation' },
  CARD_NUMBER_TAKEN: { vi: 'Số thẻ đảng viên đã được dùng', en: 'That Party card number is taken' },
  EVALUATION_DECIDED: { vi: 'Phiếu đánh giá đã có kết quả xếp loại', en: 'The evaluation has been decided' },
  FAMILY_RELATION_TAKEN: { vi: 'Quan hệ gia đình này đã được khai', en: 'That family relation is already recorded' },
  IMPORT_FILE_TOO_LARGE: { vi: 'Tệp quá lớn', en: 'The file is too large' },
  IMPORT_REJECTED: { vi: 'Tệp có dòng không hợp lệ: không dòng nào được ghi', en: 'Some rows were refused: nothing was written' },
  ORGANIZATION_HAS_CHILDREN: { vi: 'Tổ chức còn tổ chức trực thuộc', en: 'The organization still has bodies under it' },
  ORGANIZATION_PARENT_INVALID: { vi: 'Tổ chức cấp trên không hợp lệ', en: 'That parent organization is not valid' },
  PERSONAL_ID_TAKEN: { vi: 'Số định danh cá nhân đã có trong hồ sơ khác', en: 'That personal ID is on another file' },
  PRIMARY_ASSIGNMENT_TAKEN: { vi: 'Người này đã có chức danh chính', en: 'Already holds a primary post' },
  QUERY_LIMIT_EXCEEDED: { vi: 'Yêu cầu quá lớn hoặc quá sâu', en: 'The request is too large or too deep' },
  SEAT_FULL: { vi: 'Vị trí đã đủ người', en: 'The seat is full' },
  SERVICE_UNAVAILABLE: { vi: 'Một dịch vụ đang tạm ngừng; vui lòng thử lại sau', en: 'A service is unavailable: try again later' },
  TERRITORY_LOAD_DATA_FILE_UNREADABLE: { vi: 'Không đọc được tệp dữ liệu địa giới', en: 'The territory data file cannot be read' },
  TERRITORY_LOAD_INVALID_OPTION: { vi: 'Tùy chọn nạp địa giới không hợp lệ', en: 'A territory load option is not valid' },
  TERRITORY_REPLAY_UNKNOWN_PROVINCE: { vi: 'Không có tỉnh này trong dữ liệu địa giới', en: 'No such province in the territory data' },
  UNIT_CODE_TAKEN: { vi: 'Mã đơn vị hành chính đã được dùng', en: 'That unit code is taken' },
  APPLY_FAILED: { vi: 'Đề án đã duyệt nhưng không áp dụng được', en: 'Approved but could not be applied' },
  GATEWAY_PROOF_REQUIRED: { vi: 'Dịch vụ chỉ nhận yêu cầu qua cổng', en: 'The service answers through the gateway only' },
  METHOD_NOT_ALLOWED: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  NOT_ACCEPTABLE: { vi: 'Định dạng trả lời không được hỗ trợ', en: 'Not acceptable' },
  ROUTE_NOT_FOUND: { vi: 'Không có đường dẫn này', en: 'No such route' },
  BODY_NOT_JSON: { vi: 'Nội dung gửi không phải JSON', en: 'The body is not JSON' },
  QUERY_MISSING: { vi: 'Thiếu câu truy vấn', en: 'The query is missing' },
  CONTENT_TYPE_UNSUPPORTED: { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Content type not supported' },
  CHARSET_UNSUPPORTED: { vi: 'Bảng mã không được hỗ trợ', en: 'Charset not supported' },
  CONTENT_ENCODING_UNSUPPORTED: { vi: 'Kiểu nén không được hỗ trợ', en: 'Content encoding not supported' },
  BATCH_UNSUPPORTED: { vi: 'Không hỗ trợ gửi nhiều yêu cầu một lần', en: 'Batched requests are not supported' },
  SUBSCRIPTION_UNSUPPORTED: { vi: 'Không hỗ trợ đăng ký theo dõi', en: 'Subscriptions are not supported' },
  OPERATION_NAME_REQUIRED: { vi: 'Cần tên thao tác', en: 'An operation name is required' },
  OPERATION_NOT_FOUND: { vi: 'Không có thao tác này trong yêu cầu', en: 'No such operation in the request' },
  PERSISTED_QUERY_NOT_SUPPORTED: { vi: 'Không hỗ trợ truy vấn lưu sẵn', en: 'Persisted queries are not supported' },
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
