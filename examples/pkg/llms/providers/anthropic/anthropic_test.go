package anthropic

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/example/aiframework/pkg/llms"
	"github.com/example/aiframework/pkg/llms/iface"
)

const message = `{"id":"msg_1","type":"message","role":"assistant","model":"claude-3-5-sonnet-latest",
"content":[{"type":"text","text":"Hello!"}],"stop_reason":"end_turn",
"usage":{"input_tokens":5,"output_tokens":2}}`

func newTestClient(t *testing.T) iface.ChatModel {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, message)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(llms.Config{Provider: ProviderName, Model: "claude-3-5-sonnet-latest", APIKey: "test-key", BaseURL: srv.URL + "/"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestGenerate(t *testing.T) {
	resp, err := newTestClient(t).Generate(context.Background(), []iface.Message{{Role: "user", Content: "Hi"}})
	if err != nil || resp.Content != "Hello!" || resp.OutputTokens != 2 {
		t.Fatalf("Generate() = %+v, %v", resp, err)
	}
}

func TestStream(t *testing.T) {
	chunks, err := newTestClient(t).Stream(context.Background(), []iface.Message{{Role: "user", Content: "Hi"}})
	if err != nil {
		t.Fatal(err)
	}
	var got string
	for c := range chunks {
		got += c.Content
	}
	if got != "Hello!" {
		t.Fatalf("streamed %q, want %q", got, "Hello!")
	}
}
