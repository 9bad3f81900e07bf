import FoundationEssentials
import RigText
import RigSystem
import RigEmit
import RigSpec

/// `rigctl new DIR`: a rig repository of the user's own, ready to commit. `machines/` has a shared
/// stack and `schema.json` but no machine yet (`rigctl init` writes the first); `playbooks/` is
/// what `rigctl generate` writes for no machines, so `rigctl audit` passes as created; the CI
/// workflow audits with a release binary, checked against its sha256, instead of building rigctl.
package enum RepositoryScaffold {
    package struct File: Sendable, Equatable {
        package var path: String
        package var contents: String
    }

    package enum Failure: Error, Equatable, CustomStringConvertible {
        case notEmpty(String)
        case cannotWrite(String, String)

        package var description: String {
            switch self {
            case .notEmpty(let directory): "\(directory) exists and is not empty; rigctl new starts a repository only in a new or empty directory"
            case .cannotWrite(let path, let why): "cannot write \(path): \(why)"
            }
        }
    }

    /// Every file of a new repository, relative to its root, sorted.
    package static func files(version: String) -> [File] {
        var files = [
            File(path: ".gitignore", contents: gitignore),
            File(path: "README.md", contents: readme),
            File(path: ".github/workflows/audit.yml", contents: workflow(version: version)),
            File(path: "machines/schema.json", contents: JSONSchema.machineSpec()),
            File(path: "machines/stacks/base.yaml", contents: baseStack),
            File(path: "build-logs/.gitkeep", contents: ""),
        ]
        files += PlaybookGenerator().files(for: []).map { File(path: "playbooks/\($0.path)", contents: $0.contents) }
        return files.sorted { $0.path < $1.path }
    }

    /// Writes the repository into `directory` (created when missing; refused when it holds anything).
    package static func create(_ directory: String, version: String, system: any System) throws(Failure) -> [String] {
        if system.fileExists(directory) {
            let entries: [String]
            do { entries = try system.listDirectory(directory) } catch { throw .cannotWrite(directory, error.reason) }
            guard entries.isEmpty else { throw .notEmpty(directory) }
        }
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var written: [String] = []
        for file in files(version: version) {
            let path = "\(root)/\(file.path)"
            do { try system.writeFile(path, Data(file.contents.utf8), mode: 0o644) } catch { throw .cannotWrite(path, error.reason) }
            written.append(file.path)
        }
        return written
    }

    static let gitignore = """
        # rigctl's own binary, when downloaded here (CI fetches it into the checkout).
        /rigctl
        # A write rigctl did not finish (it writes each file beside it, then renames it into place).
        .*.rigctl-*

        """

    static let baseStack = """
        # A fragment, not a machine: what every machine here shares. A machine includes it with
        #   include: [stacks/base.yaml]
        # Its lists merge with the machine's own (see rigctl's docs/spec.md, "Includes").
        packages:
          apt:
            - git
            - tmux
            - htop
            - curl

        """

    static let readme = """
        # Rigs

        The machines of this repository, one YAML spec each in `machines/`, checked and converged
        by rigctl (hardware-as-code for single-machine ML rigs).

        | path | what it holds |
        |---|---|
        | `machines/NAME.yaml` | one machine: parts, BIOS settings, driver and CUDA, packages, theme |
        | `machines/stacks/` | fragments machines include (`include: [stacks/base.yaml]`) |
        | `machines/schema.json` | the spec's JSON Schema, for editors (`rigctl schema` writes it) |
        | `build-logs/NAME/` | what `rigctl apply` did (`<UTC time>-apply.md`) and the last recorded facts (`facts.json`) |
        | `playbooks/` | the same steps as Ansible playbooks (`rigctl generate` writes them; never edit by hand) |

        ## A new machine

        ```sh
        rigctl init --ssh me@gpu-box --output machines/gpu-box.yaml   # a starting spec from its facts
        $EDITOR machines/gpu-box.yaml                                 # fill in what no probe sees
        rigctl generate                                               # playbooks/ for it
        rigctl apply gpu-box --ssh                                    # converge it; the build log comes back here
        rigctl audit                                                  # what CI checks
        git add -A && git commit
        ```

        On the machine itself instead: `rigctl init --output machines/NAME.yaml`, then
        `sudo rigctl apply NAME`. Every rigctl command finds this repository from the working
        directory upward.

        ## CI

        `.github/workflows/audit.yml` runs `rigctl audit --format github` on every pull request:
        problems show as annotations on the spec line. It downloads the release binary named in
        the workflow (`RIGCTL_URL`) and checks it against `RIGCTL_SHA256` (the `.sha256` file
        beside it) before running it; set both once.

        """

    /// The CI workflow: fetch the release binary, verify it, audit. Passes actionlint.
    static func workflow(version: String) -> String {
        """
        # Audits every machine spec on pull requests with rigctl's release binary: spec errors,
        # incompatible parts, drift between a spec and build-logs/<machine>/facts.json, and stale
        # playbooks show as annotations on the spec line. Exit codes: 0 clean, 1 findings, 2 bad spec.
        name: audit

        on:
          pull_request:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read

        env:
          # Where rigctl-\(version)-linux-x86_64 is published (rigctl's scripts/release builds it),
          # and its sha256 (the .sha256 file beside it). The binary needs only glibc.
          RIGCTL_URL: ""
          RIGCTL_SHA256: ""

        jobs:
          audit:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v4
              - name: Fetch rigctl \(version)
                run: |
                  if [ -z "$RIGCTL_URL" ] || [ -z "$RIGCTL_SHA256" ]; then
                    echo "::error file=.github/workflows/audit.yml::set RIGCTL_URL and RIGCTL_SHA256 to the rigctl release binary and its sha256"
                    exit 2
                  fi
                  curl --fail --silent --show-error --location --output rigctl "$RIGCTL_URL"
                  echo "$RIGCTL_SHA256  rigctl" | sha256sum --check --strict -
                  chmod +x rigctl
              - name: Audit machines/, build-logs/ and playbooks/
                run: ./rigctl audit --format github

        """
    }
}
