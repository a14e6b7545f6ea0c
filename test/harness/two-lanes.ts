/** A lanes file of two lanes, as a repository would write it: GitHub-hosted and required, and a self-hosted one that is optional and sets its own env. */
export const TWO_LANES = `# yaml-language-server: $schema=../../actions/lane-matrix/lanes.schema.json
default: github
lanes:
  github:
    runs-on: ubuntu-24.04
    required: true
    hosted: true
  velnor:
    runs-on: [self-hosted, velnor]
    required: false
    hosted: false
    env:
      SCCACHE_DIR: /var/cache/sccache
`;
