// Package deepgram transcribes with the Deepgram API. Importing it registers
// "deepgram" with stt.Register.
package deepgram

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/example/aiframework/pkg/voice/stt"
	"go.opentelemetry.io/otel"
)

// ListenURL is the Deepgram pre-recorded transcription endpoint.
const ListenURL = "https://api.deepgram.com/v1/listen"

func init() {
	stt.Register("deepgram", New)
}

// Transcriber calls Deepgram.
type Transcriber struct {
	apiKey string
	http   *http.Client
}

// New builds a Transcriber from cfg.
func New(cfg stt.Config) (stt.Transcriber, error) {
	return &Transcriber{apiKey: cfg.APIKey, http: http.DefaultClient}, nil
}

// Transcribe sends audio to Deepgram and returns the first transcript.
func (t *Transcriber) Transcribe(ctx context.Context, audio []byte) (string, error) {
	ctx, span := otel.Tracer("github.com/example/aiframework/pkg/voice/stt/providers/deepgram").Start(ctx, "stt.deepgram.Transcribe")
	defer span.End()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ListenURL, bytes.NewReader(audio))
	if err != nil {
		span.RecordError(err)
		return "", err
	}
	req.Header.Set("Authorization", "Token "+t.apiKey)
	resp, err := t.http.Do(req)
	if err != nil {
		span.RecordError(err)
		return "", err
	}
	defer resp.Body.Close()
	var body struct {
		Results struct {
			Channels []struct {
				Alternatives []struct {
					Transcript string `json:"transcript"`
				} `json:"alternatives"`
			} `json:"channels"`
		} `json:"results"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		span.RecordError(err)
		return "", err
	}
	if len(body.Results.Channels) == 0 || len(body.Results.Channels[0].Alternatives) == 0 {
		err := fmt.Errorf("deepgram: no transcript (status %d)", resp.StatusCode)
		span.RecordError(err)
		return "", err
	}
	return body.Results.Channels[0].Alternatives[0].Transcript, nil
}
