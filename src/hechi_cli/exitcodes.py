"""Exit codes: the one place they are defined (documented in README.md)."""

OK = 0
DATA_ERROR = 1  # data file missing, unreadable, not TOML or invalid; unknown record; a chart that cannot be drawn
USAGE = 2  # click usage error: unknown command, bad option or value
INTERNAL = 70  # a bug in hechi (EX_SOFTWARE); HECHI_DEBUG=1 shows the traceback
OUTPUT_ERROR = 74  # stdout (or an export's file) cannot be written: closed, full device (EX_IOERR)
INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)

# A reader that closes the pipe early (`hechi industries | head -1`) chose to
# stop reading; hechi did not fail, so this exits OK, every time.
BROKEN_PIPE = OK
