#!/usr/bin/env bash
# Installs claims: builds the release binary (the Swift runtime linked in, as scripts/demo.sh does)
# and copies it to $PREFIX/bin, the man page to $PREFIX/share/man/man1 and the shell completions
# (bash, zsh, fish) under $PREFIX/share. PREFIX defaults to /usr/local.
#
#   bash scripts/install.sh                              # → /usr/local/bin/claims (sudo when needed)
#   PREFIX=$HOME/.local bash scripts/install.sh          # → ~/.local/bin/claims, no privileges
#   CLAIMS_BINARY=path/to/claims bash scripts/install.sh # install an already-built binary, no build
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX="${PREFIX:-/usr/local}"
binary="${CLAIMS_BINARY:-}"
if [ -z "$binary" ]; then
    source scripts/setup.sh
    swift build -c release --static-swift-stdlib --product claims
    binary=.build/release/claims
fi
[ -x "$binary" ] || { echo "install: $binary is not an executable" >&2; exit 1; }

SUDO=""
mkdir -p "$PREFIX" 2>/dev/null || true
if [ ! -w "$PREFIX" ] && [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
install_file() {   # mode source destination
    $SUDO mkdir -p "$(dirname "$3")"
    $SUDO install -m "$1" "$2" "$3"
}
completions="$(mktemp -d)"
trap 'rm -rf "$completions"' EXIT
"$binary" --generate-completion-script bash > "$completions/claims.bash"
"$binary" --generate-completion-script zsh > "$completions/_claims"
"$binary" --generate-completion-script fish > "$completions/claims.fish"

install_file 755 "$binary" "$PREFIX/bin/claims"
install_file 644 docs/man/claims.1 "$PREFIX/share/man/man1/claims.1"
install_file 644 "$completions/claims.bash" "$PREFIX/share/bash-completion/completions/claims"
install_file 644 "$completions/_claims" "$PREFIX/share/zsh/site-functions/_claims"
install_file 644 "$completions/claims.fish" "$PREFIX/share/fish/vendor_completions.d/claims.fish"

echo "installed $("$PREFIX/bin/claims" --version) to $PREFIX/bin/claims"
echo "  man page: $PREFIX/share/man/man1/claims.1; completions for bash, zsh and fish under $PREFIX/share"
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) echo "  $PREFIX/bin is not on your PATH: add it, e.g. export PATH=\"$PREFIX/bin:\$PATH\"" ;;
esac
