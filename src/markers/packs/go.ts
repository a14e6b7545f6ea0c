import { definePack } from '../rule.ts';

export const go = definePack('go', 'Go module downloads', [
  {
    id: 'go/download',
    category: 'download',
    description: 'go downloaded a module (the module cache did not have it)',
    pattern: /^go: downloading \S+ v\d/,
    anchors: ['go: downloading'],
  },
]);
