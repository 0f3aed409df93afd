#ifndef PREPCOACH_CLIBEDIT_SHIM_H
#define PREPCOACH_CLIBEDIT_SHIM_H

// libedit's el_set / el_get / history are C variadic functions, which Swift
// cannot call, and Swift 6 refuses to touch the stdin/stdout/stderr globals.
// Each use the Swift side needs is therefore wrapped in a static inline
// function here; Swift imports those directly, so no C target is needed.

#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef char *(*clibedit_prompt_fn)(EditLine *);
typedef unsigned char (*clibedit_command_fn)(EditLine *, int);
typedef int (*clibedit_read_fn)(EditLine *, wchar_t *);

// MARK: - Locale

/// libedit silently drops non-ASCII bytes unless LC_CTYPE is a UTF-8 locale
/// (it decodes input with mbrtowc). Use the user's locale for LC_CTYPE only,
/// so number formatting elsewhere in the program is untouched, and fall back
/// to C.UTF-8 when that is not UTF-8 (e.g. LANG unset, as on CI).
static inline void clibedit_setup_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0)) {
        return;
    }
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
        (void)setlocale(LC_CTYPE, "en_US.UTF-8");
    }
}

// MARK: - EditLine

static inline EditLine *clibedit_init(const char *programName) {
    return el_init(programName, stdin, stdout, stderr);
}

/// The prompt callback; `escape` marks the start and end of non-printing
/// sequences (colours) so libedit does not count them as columns.
static inline int clibedit_set_prompt(EditLine *e, clibedit_prompt_fn fn, char escape) {
    return el_set(e, EL_PROMPT_ESC, fn, escape);
}

static inline int clibedit_set_editor(EditLine *e, const char *mode) {
    return el_set(e, EL_EDITOR, mode);
}

/// Let libedit restore the terminal (and resize) around signals that arrive
/// while it is reading.
static inline int clibedit_set_signal_handling(EditLine *e, int on) {
    return el_set(e, EL_SIGNAL, on);
}

static inline int clibedit_set_history(EditLine *e, History *h) {
    return el_set(e, EL_HIST, history, h);
}

static inline int clibedit_add_function(EditLine *e, const char *name, const char *help, clibedit_command_fn fn) {
    return el_set(e, EL_ADDFN, name, help, fn);
}

static inline int clibedit_bind(EditLine *e, const char *key, const char *command) {
    return el_set(e, EL_BIND, key, command, (const char *)NULL);
}

/// Applies an stty-like setting to edit mode only, e.g. ("-d", "-isig").
static inline int clibedit_set_tty(EditLine *e, const char *mode, const char *setting) {
    return el_set(e, EL_SETTY, mode, setting, (const char *)NULL);
}

static inline int clibedit_set_clientdata(EditLine *e, void *data) {
    return el_set(e, EL_CLIENTDATA, data);
}

static inline void *clibedit_get_clientdata(EditLine *e) {
    void *data = NULL;
    if (el_get(e, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

/// Redraws prompt and line from the current cursor position (used after
/// printing completion candidates below the line).
static inline int clibedit_refresh(EditLine *e) {
    return el_set(e, EL_REFRESH);
}

/// Replaces libedit's reading of a character with `fn` (NULL: libedit's own).
static inline int clibedit_set_read_function(EditLine *e, clibedit_read_fn fn) {
    return el_set(e, EL_GETCFN, fn == NULL ? EL_BUILTIN_GETCFN : fn);
}

/// Terminal width in columns (80 when unknown).
static inline int clibedit_terminal_columns(EditLine *e) {
    int columns = 0;
    if (el_get(e, EL_GETTC, "co", &columns) != 0 || columns <= 0) {
        return 80;
    }
    return columns;
}

/// Writes through libedit's own output stream, so the text is ordered
/// correctly with what libedit has buffered, and flushes it.
static inline void clibedit_write(EditLine *e, const char *text) {
    FILE *out = NULL;
    if (el_get(e, EL_GETFP, 1, &out) != 0 || out == NULL) {
        out = stdout;
    }
    fputs(text, out);
    fflush(out);
}

// MARK: - History

static inline int clibedit_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

static inline int clibedit_history_setunique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}

static inline int clibedit_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

static inline int clibedit_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

static inline int clibedit_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

/// History entries newest first: `first` 1 for the newest, then 0 for each older one;
/// NULL past the oldest. The string stays valid until the history changes.
static inline const char *clibedit_history_entry(History *h, int first) {
    HistEvent ev;
    if (history(h, &ev, first ? H_FIRST : H_NEXT) != 0) {
        return NULL;
    }
    return ev.str;
}

// MARK: - Signals

/// Set by the SIGINT handler below, so a wait for input can tell SIGINT from
/// the other signals that interrupt it (SIGWINCH on every resize). `static`:
/// only code compiled in the same file sees the same flag — the Swift side
/// installs the handler and waits for input from one file (LineEditor.swift).
static volatile sig_atomic_t clibedit_sigint_arrived = 0;

static void clibedit_note_sigint(int signo) {
    (void)signo;
    clibedit_sigint_arrived = 1;
}

/// Installs a handler for SIGINT *without* SA_RESTART, so a blocking read
/// returns EINTR instead of being restarted. The previous action is stored
/// in `previous` (restore it with clibedit_restore_sigint).
static inline int clibedit_install_sigint(struct sigaction *previous) {
    clibedit_sigint_arrived = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = clibedit_note_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, previous);
}

static inline int clibedit_restore_sigint(const struct sigaction *previous) {
    return sigaction(SIGINT, previous, NULL);
}

/// Waits up to `timeout_ms` for input on `fd`: 1 when there is some, 0 on
/// timeout, -1 on error or SIGINT (errno EINTR). Other signals (a resize) only
/// restart the wait.
static inline int clibedit_wait_for_input(int fd, int timeout_ms) {
    struct pollfd request = { .fd = fd, .events = POLLIN, .revents = 0 };
    for (;;) {
        int ready = poll(&request, 1, timeout_ms);
        if (ready >= 0) {
            return ready;
        }
        if (errno != EINTR) {
            return -1;
        }
        if (clibedit_sigint_arrived) {
            errno = EINTR;
            return -1;
        }
    }
}

/// Width of the terminal on `fd` in columns; 0 when it is not a terminal.
static inline int clibedit_columns_of(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) {
        return 0;
    }
    return size.ws_col;
}

static inline int clibedit_stdin_is_tty(void) { return isatty(STDIN_FILENO); }
static inline int clibedit_stdout_is_tty(void) { return isatty(STDOUT_FILENO); }

#endif
