// Package tts turns text into speech. Providers register with Register.
package tts

import "context"

// Speaker synthesizes speech.
type Speaker interface {
	Speak(ctx context.Context, text string) ([]byte, error)
}

// VoiceOptions selects a voice.
type VoiceOptions struct {
	VoiceID string
	Speed   float64
}
