#ifndef PAINCHAT_CREADLINE_SHIM_H
#define PAINCHAT_CREADLINE_SHIM_H
// readline.h uses FILE without including stdio.h.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 rejects writes to readline's mutable C globals; these setters keep
// that unsafety in one visible place.
static inline void painchat_rl_set_name(const char *name) { rl_readline_name = name; }
static inline void painchat_rl_set_completion(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void painchat_rl_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void painchat_rl_set_signal_event_hook(rl_hook_func_t *hook) { rl_signal_event_hook = hook; }
static inline void painchat_rl_set_catch_signals(int flag) { rl_catch_signals = flag; }
static inline void painchat_rl_set_outstream(FILE *f) { rl_outstream = f; }
static inline const char *painchat_rl_line_buffer(void) { return rl_line_buffer; }
#endif
