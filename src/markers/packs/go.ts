import { definePack } from '../rule.ts';

export const go = definePack(
  'go',
  'Go module downloads',
  [
    {
      id: 'go/download',
      category: 'download',
      description: 'go downloaded a module (the module cache did not have it)',
      pattern: /^go: downloading \S+ v\d/,
      anchors: ['go: downloading'],
    },
  ],
  {
    // A warm build prints nothing: the command line GitHub echoes in its `Run` step shows go ran.
    readable: {
      pattern:
        /^(?:go: downloading |go (?:build|test|install|vet|run|generate|mod download)(?:\s|$))/,
      anchors: [
        'go: downloading',
        'go build',
        'go test',
        'go install',
        'go vet',
        'go run',
        'go generate',
        'go mod download',
      ],
    },
    hint: 'go prints `go: downloading` for each module it fetches and nothing for a warm build, so the rules look for its command line, which GitHub echoes in each `run` step',
  },
);
