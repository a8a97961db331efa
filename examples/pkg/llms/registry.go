package llms

import (
	"fmt"
	"sort"
	"sync"

	"github.com/example/aiframework/pkg/llms/iface"
)

// Factory builds a ChatModel from a configuration.
type Factory func(cfg Config) (iface.ChatModel, error)

// Registry maps provider names to factories.
type Registry struct {
	mu        sync.RWMutex
	factories map[string]Factory
}

var (
	registryOnce   sync.Once
	globalRegistry *Registry
)

// GetRegistry returns the process-wide registry. Providers add themselves to
// it in init().
func GetRegistry() *Registry {
	registryOnce.Do(func() {
		globalRegistry = &Registry{factories: map[string]Factory{}}
	})
	return globalRegistry
}

// Register makes factory available under name.
func (r *Registry) Register(name string, factory Factory) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.factories[name] = factory
}

// Create builds the ChatModel registered under name.
func (r *Registry) Create(name string, cfg Config) (iface.ChatModel, error) {
	r.mu.RLock()
	factory, ok := r.factories[name]
	r.mu.RUnlock()
	if !ok {
		return nil, NewError("Create", ErrCodeUnknownProvider, fmt.Errorf("no provider registered as %q", name))
	}
	return factory(cfg)
}

// Providers lists the registered provider names in order.
func (r *Registry) Providers() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	names := make([]string, 0, len(r.factories))
	for name := range r.factories {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
