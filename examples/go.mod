module github.com/example/aiframework

go 1.22

require (
	github.com/anthropics/anthropic-sdk-go v0.2.0-alpha.8
	github.com/sashabaranov/go-openai v1.26.0
	go.opentelemetry.io/otel v1.28.0
	go.opentelemetry.io/otel/metric v1.28.0
	go.opentelemetry.io/otel/trace v1.28.0
)
