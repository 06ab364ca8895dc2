#!/usr/bin/env bash
# Whole-process timings of the CLI against its floors (README "Performance"): start-up against a .NET process
# that does nothing, `check --state` against a .NET process that only parses the same file with JsonDocument.
# The CLI is the build scripts/pulumi-compile makes (Native AOT where this machine can link it) and, for
# comparison, a ReadyToRun build of it; the floors are built both ways. The four run in turn, RUNS rounds; the
# figures are medians (wall seconds, user + system seconds, peak resident set).
#
#   bench/whole-process.sh [--runs N] [--resources 5000,50000] [--shapes estate,many-small-sites,few-huge-clusters]
#
# Exports are generated once into out/bench/exports (50k: ~200 MB each; 500k: ~1 GB each, compact).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
resources=50000
shapes=estate,many-small-sites,few-huge-clusters
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --resources) resources="$2"; shift 2 ;;
    --shapes) shapes="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--resources N[,N...]] [--shapes S[,S...]]" >&2; exit 2 ;;
  esac
done
command -v /usr/bin/time >/dev/null || { echo "$0: needs GNU time (/usr/bin/time)" >&2; exit 2; }

work="$root/out/bench"
mkdir -p "$work/exports" "$work/floors"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

"$root/scripts/pulumi-compile" --help >/dev/null
cli="$root/out/pulumi-compiler/cloudiam-infra"
rid="linux-$(case "$(uname -m)" in aarch64 | arm64) echo arm64 ;; *) echo x64 ;; esac)"
# The ReadyToRun build of the same sources, for comparison (published again each time: it takes ~40 s).
cli_r2r="$work/cli-readytorun/cloudiam-infra"
dotnet publish "$root/infra/CloudIam.Infra/CloudIam.Infra.csproj" -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true --artifacts-path "$work/cli-readytorun/.build" -o "$work/cli-readytorun" --nologo -v quiet >&2
for floor in hello parse; do
  for kind in readytorun aot; do
    target="$work/floors/$floor-$kind"
    [ -x "$target/$floor" ] && [ "$target/$floor" -nt "$root/bench/floors/$floor/Program.cs" ] && continue
    case "$kind" in
      aot) options=(-p:PublishAot=true) ;;
      readytorun) options=(--self-contained false -p:PublishReadyToRun=true) ;;
    esac
    dotnet publish "$root/bench/floors/$floor/$floor.csproj" -c Release -r "$rid" "${options[@]}" \
      --artifacts-path "$work/floors/.build-$kind" -o "$target" --nologo -v quiet >&2
  done
done

# One run of a command: "wall cpu peak-KiB" on stdout; its own output is discarded. The wall time is read in
# nanoseconds (GNU time's is in hundredths, too coarse for a process that does nothing); GNU time gives the CPU
# and the peak on its last line (a verdict's non-zero exit adds a line before it).
measure() {
  local sample started ended
  sample="$(mktemp)"
  started="$(date +%s%N)"
  /usr/bin/time -f '%U %S %M' -o "$sample" "$@" >/dev/null 2>&1 || true
  ended="$(date +%s%N)"
  tail -n 1 "$sample" | awk -v ns="$((ended - started))" '{ printf "%.4f %.2f %s\n", ns / 1e9, $1 + $2, $3 }'
  rm -f "$sample"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# compare LABEL INPUT-BYTES FLOOR CLI-ARGS...: both builds of the CLI and both of the floor (run with floor_args),
# in turn, RUNS rounds; medians and the ratios that matter.
compare() {
  local label="$1" bytes="$2" floor="$3"
  shift 3
  local samples
  samples="$(mktemp -d)"
  for _ in $(seq "$runs"); do
    measure "$cli" "$@" >> "$samples/aot-cli"
    measure "$cli_r2r" "$@" >> "$samples/r2r-cli"
    measure "$work/floors/$floor-readytorun/$floor" "${floor_args[@]}" >> "$samples/r2r-floor"
    measure "$work/floors/$floor-aot/$floor" "${floor_args[@]}" >> "$samples/aot-floor"
  done
  local figures=()
  for sample in aot-cli r2r-cli r2r-floor aot-floor; do
    for column in 1 2 3; do
      figures+=("$(cut -d' ' -f"$column" "$samples/$sample" | median)")
    done
  done
  rm -rf "$samples"
  printf '%s\n' "${figures[@]}" | awk -v l="$label" -v bytes="$bytes" '{ f[NR] = $1 } END {
    # f: wall, cpu, peak KiB of the AOT CLI, the ReadyToRun CLI, the ReadyToRun floor, the AOT floor.
    memory = bytes >= 1048576 ? sprintf("%.1f×", f[3] * 1024 / bytes) : "-"
    # CPU is counted in hundredths: next to a floor that uses fewer, only the wall ratio means something.
    cpu = f[8] >= 0.05 ? sprintf(" / %.2f", f[2] / f[8]) : ""
    printf "| %s | %.3f s | %.3f s | %.3f s | %.3f s | %.2f%s | %.2f | %.2f | %.0f MiB (%s) |\n", l, f[1], f[4], f[7], f[10],
      f[1] / f[7], cpu, f[4] / f[7], f[1] / f[10], f[3] / 1024, memory
  }'
}

echo "| command | CLI, AOT | CLI, ReadyToRun | floor, ReadyToRun | floor, AOT | AOT CLI ÷ ReadyToRun floor (wall / cpu) | ReadyToRun CLI ÷ ReadyToRun floor | AOT CLI ÷ AOT floor | peak RSS, AOT CLI (× input) |"
echo "|---|---|---|---|---|---|---|---|---|"
fixture="$root/tests/fixtures/exports/healthy-two-provider.json"
floor_args=()
compare "compile --stack prod" 0 hello compile --stack prod
floor_args=("$fixture")
compare "check --state $(basename "$fixture")" "$(stat -c %s "$fixture")" parse check --state "$fixture"

for size in ${resources//,/ }; do
  for shape in ${shapes//,/ }; do
    layout=indented
    [ "$size" -lt 500000 ] || layout=compact
    export_file="$work/exports/$shape-$size.json"
    if [ ! -s "$export_file" ]; then
      dotnet run --project "$root/bench/CloudIam.Benchmarks" -c Release -- generate --resources "$size" --shape "$shape" \
        --layout "$layout" --out "$export_file" --policy "$work/exports/$shape-$size.policy.yaml" >&2
    fi
    floor_args=("$export_file")
    compare "check, $shape, $size" "$(stat -L -c %s "$export_file")" parse \
      check --state "$export_file" --policy "$work/exports/$shape-$size.policy.yaml"
  done
done
