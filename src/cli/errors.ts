// The CLI's own error for arguments it cannot use (exit 2), apart from `check` so that the light commands
// (`credits`, `rules`) recognise it without loading the check and the file layer behind it.
export class UsageError extends Error {}
