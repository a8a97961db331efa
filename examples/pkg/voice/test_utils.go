package voice

import "context"

// FakeTranscriber returns a fixed transcript.
type FakeTranscriber struct {
	Text string
}

// Transcribe returns f.Text.
func (f FakeTranscriber) Transcribe(ctx context.Context, audio []byte) (string, error) {
	return f.Text, ctx.Err()
}

// FakeSpeaker speaks text as its bytes.
type FakeSpeaker struct{}

// Speak returns text as bytes.
func (FakeSpeaker) Speak(ctx context.Context, text string) ([]byte, error) {
	return []byte(text), ctx.Err()
}

// EchoReply replies with what it heard.
func EchoReply(ctx context.Context, text string) (string, error) {
	return text, ctx.Err()
}
