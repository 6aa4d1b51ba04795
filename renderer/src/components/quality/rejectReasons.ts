import type { RejectReason } from '../../../../shared/contract/imports';

/** What each reject reason means, in the words the report uses. */
export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  null_id: 'No customer id',
  null_time: 'No time',
  unparsable_time: 'Time not readable with the format',
  duplicate_id: 'Customer id seen before (profiles keep the first row)',
  malformed_row: 'Malformed row (wrong number of fields or broken quoting)',
  unconvertible_value: 'Value that does not fit its column type',
  invalid_utf8: 'Text that is not valid UTF-8',
  line_too_long: 'Line too long',
};
