// Package iface defines what every chat-model provider implements.
package iface

import "context"

// Message is one chat turn.
type Message struct {
	Role    string
	Content string
}

// Response is a model's answer.
type Response struct {
	Content      string
	InputTokens  int
	OutputTokens int
}

// Chunk is one piece of a streamed answer.
type Chunk struct {
	Content string
	Err     error
}

// Tool is a function the model may call.
type Tool struct {
	Name        string
	Description string
	Parameters  map[string]any
}

// ChatModel is implemented by every provider.
type ChatModel interface {
	Generate(ctx context.Context, messages []Message) (*Response, error)
	Stream(ctx context.Context, messages []Message) (<-chan Chunk, error)
	BindTools(tools []Tool) ChatModel
}
