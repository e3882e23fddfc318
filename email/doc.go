// Package email sends each partner's PDF scorecard to its leadership over
// SMTP, right after scoring (`pcs score --email`, `pcs batch --email`).
//
// A Mailer does the whole job for one workbook at a time: it works out the
// recipients (the workbook's Recipients field, or --to, --cc and --bcc),
// composes the message from the templates (Compose), skips a scorecard that
// the send record (Log) says was already sent to the same people, hands the
// message to a Sender and records what was sent.
//
// Two Senders exist: SMTPSender keeps one connection to the mail server for a
// whole batch, retries transient failures (4xx replies, dropped connections,
// timeouts) with backoff and reports permanent ones (5xx replies, a refused
// sign-in); DryRunSender writes each message as NAME.eml instead, so it can
// be checked in any mail client before sending for real.
//
// Composed messages are deterministic: the same result, PDF, recipients and
// clock give byte-identical messages. Text from the workbook is data: it is
// escaped in the HTML body, and control characters never reach a header.
// The SMTP password appears in no error, log line or output.
package email
