// Package voice runs spoken conversations: speech-to-text (stt), a reply, and
// text-to-speech (tts).
package voice

import (
	"context"
	"time"

	"github.com/example/aiframework/pkg/voice/stt"
	"github.com/example/aiframework/pkg/voice/tts"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// Reply turns what the user said into what to say back.
type Reply func(ctx context.Context, text string) (string, error)

// Session is one spoken conversation.
type Session struct {
	cfg         Config
	transcriber stt.Transcriber
	speaker     tts.Speaker
	reply       Reply
	tracer      trace.Tracer
	metrics     *Metrics
	started     time.Time
}

// NewSession returns a Session that uses the given engines.
func NewSession(cfg Config, transcriber stt.Transcriber, speaker tts.Speaker, reply Reply) (*Session, error) {
	if transcriber == nil || speaker == nil || reply == nil {
		return nil, ErrMissingEngine
	}
	metrics, err := NewMetrics(otel.Meter("github.com/example/aiframework/pkg/voice"))
	if err != nil {
		return nil, err
	}
	return &Session{cfg: cfg, transcriber: transcriber, speaker: speaker, reply: reply,
		tracer: otel.Tracer("github.com/example/aiframework/pkg/voice"), metrics: metrics, started: time.Now()}, nil
}

// Turn handles one spoken turn: audio in, audio out.
func (s *Session) Turn(ctx context.Context, audio []byte) ([]byte, error) {
	ctx, span := s.tracer.Start(ctx, "voice.Session.Turn")
	defer span.End()
	text, err := s.transcriber.Transcribe(ctx, audio)
	if err == nil {
		text, err = s.reply(ctx, text)
	}
	var out []byte
	if err == nil {
		out, err = s.speaker.Speak(ctx, text)
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return nil, err
	}
	return out, nil
}

// Close ends the session.
func (s *Session) Close(ctx context.Context) error {
	s.metrics.sessionEnded(ctx, time.Since(s.started))
	return nil
}
