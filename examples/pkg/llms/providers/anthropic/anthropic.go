// Package anthropic is the Anthropic chat-model provider. Importing it
// registers "anthropic" with llms.GetRegistry().
package anthropic

import (
	"context"
	"errors"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/option"
	"github.com/example/aiframework/pkg/llms"
	"github.com/example/aiframework/pkg/llms/iface"
	"go.opentelemetry.io/otel/codes"
)

// ProviderName is the name the provider registers under.
const ProviderName = "anthropic"

const defaultMaxTokens = 1024

func init() {
	llms.GetRegistry().Register(ProviderName, NewClient)
}

// Client calls the Anthropic messages API.
type Client struct {
	api   *anthropic.Client
	model string
	tools []anthropic.ToolParam
}

// NewClient builds a Client from cfg.
func NewClient(cfg llms.Config) (iface.ChatModel, error) {
	if cfg.APIKey == "" {
		return nil, llms.NewError("anthropic.NewClient", llms.ErrCodeInvalidConfig, errors.New("api key is required"))
	}
	opts := []option.RequestOption{option.WithAPIKey(cfg.APIKey)}
	if cfg.BaseURL != "" {
		opts = append(opts, option.WithBaseURL(cfg.BaseURL))
	}
	return &Client{api: anthropic.NewClient(opts...), model: cfg.Model}, nil
}

// Generate returns the model's answer to messages.
func (c *Client) Generate(ctx context.Context, messages []iface.Message) (*iface.Response, error) {
	ctx, span := llms.StartSpan(ctx, ProviderName, "Generate")
	defer span.End()
	resp, err := c.complete(ctx, messages)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return nil, err
	}
	return resp, nil
}

// Stream sends the whole answer as one chunk.
func (c *Client) Stream(ctx context.Context, messages []iface.Message) (<-chan iface.Chunk, error) {
	ctx, span := llms.StartSpan(ctx, ProviderName, "Stream")
	defer span.End()
	resp, err := c.complete(ctx, messages)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return nil, err
	}
	out := make(chan iface.Chunk, 1)
	out <- iface.Chunk{Content: resp.Content}
	close(out)
	return out, nil
}

// BindTools returns a copy of c that offers tools to the model.
func (c *Client) BindTools(tools []iface.Tool) iface.ChatModel {
	bound := *c
	bound.tools = append([]anthropic.ToolParam(nil), c.tools...)
	for _, t := range tools {
		bound.tools = append(bound.tools, anthropic.ToolParam{
			Name:        anthropic.F(t.Name),
			Description: anthropic.F(t.Description),
			InputSchema: anthropic.F[interface{}](t.Parameters),
		})
	}
	return &bound
}

func (c *Client) complete(ctx context.Context, messages []iface.Message) (*iface.Response, error) {
	params := make([]anthropic.MessageParam, 0, len(messages))
	for _, m := range messages {
		block := anthropic.NewTextBlock(m.Content)
		if m.Role == "assistant" {
			params = append(params, anthropic.NewAssistantMessage(block))
			continue
		}
		params = append(params, anthropic.NewUserMessage(block))
	}
	req := anthropic.MessageNewParams{
		Model:     anthropic.F(anthropic.Model(c.model)),
		MaxTokens: anthropic.F(int64(defaultMaxTokens)),
		Messages:  anthropic.F(params),
	}
	if len(c.tools) > 0 {
		req.Tools = anthropic.F(c.tools)
	}
	msg, err := c.api.Messages.New(ctx, req)
	if err != nil {
		return nil, err
	}
	var text string
	for _, block := range msg.Content {
		text += block.Text
	}
	return &iface.Response{Content: text, InputTokens: int(msg.Usage.InputTokens), OutputTokens: int(msg.Usage.OutputTokens)}, nil
}
