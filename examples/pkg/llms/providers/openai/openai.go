// Package openai is the OpenAI chat-model provider. Importing it registers
// "openai" with llms.GetRegistry().
package openai

import (
	"context"
	"errors"
	"io"

	"github.com/example/aiframework/pkg/llms"
	"github.com/example/aiframework/pkg/llms/iface"
	goopenai "github.com/sashabaranov/go-openai"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// ProviderName is the name the provider registers under.
const ProviderName = "openai"

// DefaultBaseURL is the OpenAI API endpoint.
const DefaultBaseURL = "https://api.openai.com/v1"

func init() {
	llms.GetRegistry().Register(ProviderName, New)
}

// Provider calls the OpenAI chat completions API.
type Provider struct {
	client *goopenai.Client
	model  string
	tools  []goopenai.Tool
	tracer trace.Tracer
}

// New builds a Provider from cfg.
func New(cfg llms.Config) (iface.ChatModel, error) {
	if cfg.APIKey == "" {
		return nil, llms.NewError("openai.New", llms.ErrCodeInvalidConfig, errors.New("api key is required"))
	}
	clientCfg := goopenai.DefaultConfig(cfg.APIKey)
	clientCfg.BaseURL = DefaultBaseURL
	if cfg.BaseURL != "" {
		clientCfg.BaseURL = cfg.BaseURL
	}
	return &Provider{
		client: goopenai.NewClientWithConfig(clientCfg),
		model:  cfg.Model,
		tracer: otel.Tracer("github.com/example/aiframework/pkg/llms/providers/openai"),
	}, nil
}

// Generate returns the model's answer to messages.
func (p *Provider) Generate(ctx context.Context, messages []iface.Message) (*iface.Response, error) {
	ctx, span := p.tracer.Start(ctx, "llms.openai.Generate", trace.WithAttributes(attribute.String("llms.model", p.model)))
	defer span.End()
	resp, err := p.client.CreateChatCompletion(ctx, p.request(messages, false))
	if err == nil && len(resp.Choices) == 0 {
		err = errors.New("openai: response has no choices")
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return nil, err
	}
	return &iface.Response{
		Content:      resp.Choices[0].Message.Content,
		InputTokens:  resp.Usage.PromptTokens,
		OutputTokens: resp.Usage.CompletionTokens,
	}, nil
}

// Stream streams the model's answer chunk by chunk.
func (p *Provider) Stream(ctx context.Context, messages []iface.Message) (<-chan iface.Chunk, error) {
	ctx, span := llms.StartSpan(ctx, ProviderName, "Stream")
	stream, err := p.client.CreateChatCompletionStream(ctx, p.request(messages, true))
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		span.End()
		return nil, err
	}
	out := make(chan iface.Chunk)
	go func() {
		defer span.End()
		defer close(out)
		defer stream.Close()
		for {
			resp, err := stream.Recv()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				span.RecordError(err)
				out <- iface.Chunk{Err: err}
				return
			}
			if len(resp.Choices) > 0 {
				out <- iface.Chunk{Content: resp.Choices[0].Delta.Content}
			}
		}
	}()
	return out, nil
}

// BindTools returns a copy of p that offers tools to the model.
func (p *Provider) BindTools(tools []iface.Tool) iface.ChatModel {
	bound := *p
	bound.tools = append([]goopenai.Tool(nil), p.tools...)
	for _, t := range tools {
		bound.tools = append(bound.tools, goopenai.Tool{
			Type:     goopenai.ToolTypeFunction,
			Function: &goopenai.FunctionDefinition{Name: t.Name, Description: t.Description, Parameters: t.Parameters},
		})
	}
	return &bound
}

func (p *Provider) request(messages []iface.Message, stream bool) goopenai.ChatCompletionRequest {
	req := goopenai.ChatCompletionRequest{Model: p.model, Tools: p.tools, Stream: stream}
	for _, m := range messages {
		req.Messages = append(req.Messages, goopenai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	return req
}
