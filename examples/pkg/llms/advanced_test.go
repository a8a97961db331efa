package llms

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/example/aiframework/pkg/llms/iface"
)

func TestClientGenerate(t *testing.T) {
	tests := []struct {
		name    string
		model   *MockChatModel
		want    string
		wantErr bool
	}{
		{name: "returns the answer", model: NewMockChatModel("hello"), want: "hello"},
		{name: "wraps provider errors", model: &MockChatModel{Err: errors.New("boom")}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewTestClient(tt.model)
			resp, err := c.Generate(context.Background(), []iface.Message{{Role: "user", Content: "hi"}})
			if tt.wantErr {
				var llmErr *Error
				if !errors.As(err, &llmErr) || llmErr.Code != ErrCodeProvider {
					t.Fatalf("err = %v, want an *Error with code %s", err, ErrCodeProvider)
				}
				return
			}
			if err != nil || resp.Content != tt.want {
				t.Fatalf("Generate() = %v, %v; want %q", resp, err, tt.want)
			}
		})
	}
}

func TestClientConcurrentGenerate(t *testing.T) {
	model := NewMockChatModel("ok")
	c := NewTestClient(model)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Generate(context.Background(), []iface.Message{{Role: "user", Content: "hi"}}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if model.Calls() != 20 {
		t.Fatalf("calls = %d, want 20", model.Calls())
	}
}

func TestClientBatch(t *testing.T) {
	c := NewTestClient(NewMockChatModel("a", "b"))
	got, err := c.Batch(context.Background(), [][]iface.Message{{{Content: "1"}}, {{Content: "2"}}})
	if err != nil || len(got) != 2 || got[1].Content != "b" {
		t.Fatalf("Batch() = %v, %v", got, err)
	}
}

func TestClientStream(t *testing.T) {
	c := NewTestClient(NewMockChatModel("streamed"))
	chunks, err := c.Stream(context.Background(), []iface.Message{{Role: "user", Content: "hi"}})
	if err != nil {
		t.Fatal(err)
	}
	var got string
	for chunk := range chunks {
		got += chunk.Content
	}
	if got != "streamed" {
		t.Fatalf("streamed %q, want %q", got, "streamed")
	}
}

func TestIsRetryable(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{name: "rate limited", err: NewError("Generate", ErrCodeRateLimited, nil), want: true},
		{name: "wrapped rate limit", err: fmt.Errorf("call: %w", NewError("Generate", ErrCodeRateLimited, nil)), want: true},
		{name: "invalid config", err: DefaultConfig().Validate(), want: false},
		{name: "plain error", err: errors.New("boom"), want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsRetryable(tt.err); got != tt.want {
				t.Fatalf("IsRetryable(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

func BenchmarkGenerate(b *testing.B) {
	c := NewTestClient(NewMockChatModel("ok"))
	messages := []iface.Message{{Role: "user", Content: "hi"}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = c.Generate(context.Background(), messages)
	}
}

// BenchmarkGenerateBaseline calls the model without the Client, to measure
// what tracing, metrics and logging add.
func BenchmarkGenerateBaseline(b *testing.B) {
	model := NewMockChatModel("ok")
	messages := []iface.Message{{Role: "user", Content: "hi"}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = model.Generate(context.Background(), messages)
	}
}
