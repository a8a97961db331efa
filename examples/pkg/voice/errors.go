package voice

import "errors"

// ErrMissingEngine is returned when a Session lacks a transcriber, a speaker or a reply.
var ErrMissingEngine = errors.New("voice: session needs a transcriber, a speaker and a reply")
