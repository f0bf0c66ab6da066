// Package services starts the services of the registry in
// oteldocs.dev/internal/service: for each name there, one file of this
// package registers the image recipe and a start function. verify starts
// what an example needs through For; cmd/images builds every image
// through EnsureImages. Neither names a service.
//
// # How to add a service
//
// Add the entry to the registry (internal/service: its name and the
// variables it gives), write its package under testcontainers/<name> (its
// image recipe and Run), then add <name>.go here:
//
//	func init() {
//		register("redis", Starter{
//			Image: redis.Image,
//			Start: func(ctx context.Context, ref string) (*Instance, error) {
//				c, err := redis.Run(ctx, ref)
//				inst := &Instance{}
//				if c != nil {
//					inst.Container = c
//				}
//				if err != nil {
//					return inst, err
//				}
//				u, err := c.URL(ctx)
//				inst.Env = func(context.Context, string) (map[string]string, error) {
//					return map[string]string{"REDIS_URL": u}, nil
//				}
//				return inst, err
//			},
//		})
//	}
//
// A registry entry without such a file makes For, and so verify and
// cmd/images, fail with a message naming the file to add; TestRegistered
// catches it first.
package services

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/internal/service"
	"oteldocs.dev/testcontainers/images"
	"oteldocs.dev/testcontainers/metadata"
)

// Starter is how one service is built and started.
type Starter struct {
	// Image returns the recipe of the service's image, built by images.Ensure.
	Image func() images.Recipe
	// Start starts a container from the image ref and waits until it is
	// ready. As with testcontainers.Run, it may return an Instance holding
	// a container together with an error: the caller terminates it.
	Start func(ctx context.Context, ref string) (*Instance, error)
}

// Instance is a started service.
type Instance struct {
	// Container is what the caller terminates when its run ends (with
	// testcontainers.TerminateContainer); nil if none was created.
	Container testcontainers.Container
	// Env returns the variables the service gives one example (exampleID),
	// only names the registry lists for it; a service may prepare something
	// per example, such as a fresh database. nil: it gives none by itself
	// (the Collector, whose OTEL_* variables verify sets per case).
	Env func(ctx context.Context, exampleID string) (map[string]string, error)
	// Netns, when set, is a network namespace a case may run its program in
	// (run.netns), for a service at an address no variable can change.
	Netns *metadata.Netns
}

var starters = map[string]Starter{}

// register is called by the init function of each service's file.
func register(name string, s Starter) {
	if _, dup := starters[name]; dup {
		panic("testcontainers/services: " + name + " registered twice")
	}
	starters[name] = s
}

// For returns the Starter of the registry's service name.
func For(name string) (Starter, error) {
	if _, ok := service.Lookup(name); !ok {
		return Starter{}, fmt.Errorf("unknown service %q: the registry (oteldocs.dev/internal/service) lists %v", name, service.Names())
	}
	s, ok := starters[name]
	if !ok {
		return Starter{}, fmt.Errorf("service %q is in the registry (internal/service/service.go) but nothing starts it: add testcontainers/services/%s.go registering its image and start function (see go doc oteldocs.dev/testcontainers/services)", name, name)
	}
	return s, nil
}

// Check reports every registry entry without a Starter, and every Starter
// whose name the registry does not list.
func Check() error {
	var errs []error
	for _, name := range service.Names() {
		if _, err := For(name); err != nil {
			errs = append(errs, err)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(starters)) {
		if _, ok := service.Lookup(name); !ok {
			errs = append(errs, fmt.Errorf("testcontainers/services/%s.go starts %q, which the registry (internal/service/service.go) does not list: add it there", name, name))
		}
	}
	return errors.Join(errs...)
}

// EnsureImages builds (or finds up to date) the images of the named
// services, in the registry's order, and returns their references by name.
func EnsureImages(ctx context.Context, names []string, log io.Writer) (map[string]string, error) {
	refs := map[string]string{}
	for _, name := range ordered(names) {
		s, err := For(name)
		if err != nil {
			return nil, err
		}
		ref, err := images.Ensure(ctx, s.Image(), log)
		if err != nil {
			return nil, err
		}
		refs[name] = ref
	}
	return refs, nil
}

// ordered returns names in the registry's order, unknown names last (For
// reports them).
func ordered(names []string) []string {
	var out []string
	for _, n := range service.Names() {
		if slices.Contains(names, n) {
			out = append(out, n)
		}
	}
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// CheckEnv reports variables that env gives but the registry does not list
// for the service name: the registry is what readers are told.
func CheckEnv(name string, env map[string]string) error {
	svc, _ := service.Lookup(name)
	for _, k := range slices.Sorted(maps.Keys(env)) {
		if !slices.Contains(svc.Env, k) {
			return fmt.Errorf("service %s gives %s, which its registry entry (internal/service/service.go) does not list: add it there", name, k)
		}
	}
	return nil
}
