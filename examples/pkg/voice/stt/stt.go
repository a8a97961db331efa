// Package stt turns speech into text. Providers register with Register in init().
package stt

import "context"

// Transcriber turns audio into text.
type Transcriber interface {
	Transcribe(ctx context.Context, audio []byte) (string, error)
}
