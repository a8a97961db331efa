package llms

import (
	"context"
	"io"
	"log/slog"
	"sync"

	"github.com/example/aiframework/pkg/llms/iface"
	"go.opentelemetry.io/otel"
)

// MockChatModel is a scripted iface.ChatModel for tests.
type MockChatModel struct {
	mu        sync.Mutex
	Responses []string
	Err       error
	calls     int
}

// NewMockChatModel returns a MockChatModel that answers with responses in turn.
func NewMockChatModel(responses ...string) *MockChatModel {
	return &MockChatModel{Responses: responses}
}

// Generate returns the next scripted response.
func (m *MockChatModel) Generate(ctx context.Context, messages []iface.Message) (*iface.Response, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Err != nil {
		return nil, m.Err
	}
	content := ""
	if len(m.Responses) > 0 {
		content = m.Responses[m.calls%len(m.Responses)]
	}
	m.calls++
	return &iface.Response{Content: content, InputTokens: len(messages), OutputTokens: len(content)}, nil
}

// Stream sends the next scripted response as one chunk.
func (m *MockChatModel) Stream(ctx context.Context, messages []iface.Message) (<-chan iface.Chunk, error) {
	resp, err := m.Generate(ctx, messages)
	if err != nil {
		return nil, err
	}
	out := make(chan iface.Chunk, 1)
	out <- iface.Chunk{Content: resp.Content}
	close(out)
	return out, nil
}

// BindTools returns m unchanged.
func (m *MockChatModel) BindTools(tools []iface.Tool) iface.ChatModel {
	return m
}

// Calls returns how many times Generate ran.
func (m *MockChatModel) Calls() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.calls
}

// NewTestClient returns a Client around model that logs nowhere.
func NewTestClient(model iface.ChatModel) *Client {
	return &Client{
		provider: "mock",
		model:    model,
		tracer:   otel.Tracer(instrumentationName),
		logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}
