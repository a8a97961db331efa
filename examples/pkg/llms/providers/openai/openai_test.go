package openai

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/example/aiframework/pkg/llms"
	"github.com/example/aiframework/pkg/llms/iface"
)

const completion = `{"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini",
"choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],
"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}`

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/chat/completions" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, completion)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestNewRequiresAPIKey(t *testing.T) {
	if _, err := New(llms.Config{Provider: ProviderName, Model: "gpt-4o-mini"}); err == nil {
		t.Fatal("New without an API key: want an error")
	}
}

func TestRegistered(t *testing.T) {
	if !slices.Contains(llms.GetRegistry().Providers(), ProviderName) {
		t.Fatalf("%q is not registered", ProviderName)
	}
}

func TestClientGenerate(t *testing.T) {
	srv := newServer(t)
	cfg := llms.Config{Provider: ProviderName, Model: "gpt-4o-mini", APIKey: "test-key", BaseURL: srv.URL}
	client, err := llms.NewClient(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Generate(context.Background(), []iface.Message{{Role: "user", Content: "Hi"}})
	if err != nil || resp.Content != "Hello!" || resp.OutputTokens != 2 {
		t.Fatalf("Generate() = %+v, %v", resp, err)
	}
}

func TestBindToolsKeepsOriginal(t *testing.T) {
	model, err := New(llms.Config{Provider: ProviderName, Model: "gpt-4o-mini", APIKey: "test-key"})
	if err != nil {
		t.Fatal(err)
	}
	bound := model.BindTools([]iface.Tool{{Name: "search", Description: "Web search"}})
	if len(bound.(*Provider).tools) != 1 || len(model.(*Provider).tools) != 0 {
		t.Fatal("BindTools must return a copy with the tools")
	}
}
