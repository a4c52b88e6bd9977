# SearchKamer tasks, one entry point for developers, the README and CI.
# Run it with the pinned PowerShell tool:  dotnet tool restore && dotnet pwsh ./build.ps1 <task> [args]
# Everything after the task lands in $args and goes to the searchkamer host (run, bench). No
# [Parameter] attributes on purpose: they add common parameters (-Debug, -Verbose, ...) that would
# swallow host flags such as -d or -v.
param(
    [ValidateSet('build', 'test', 'run', 'bench', 'format')]
    [string] $Task = 'build'
)

$ErrorActionPreference = 'Stop'
# We read $LASTEXITCODE ourselves; a failing dotnet must not throw before the totals are printed.
$PSNativeCommandUseErrorActionPreference = $false
Set-Location $PSScriptRoot

$sln = 'SearchKamer.sln'
$hostProject = 'src/SearchKamer.Host'

function Invoke-Tests {
    $results = Join-Path $PSScriptRoot 'TestResults'
    # Stale trx files from an earlier run would be counted again.
    if (Test-Path $results) { Remove-Item -Recurse -Force $results }

    # The accessibility test injects the axe-core that tests/a11y/package-lock.json pins; a fresh clone lacks it.
    $axe = Join-Path $PSScriptRoot 'tests/a11y/node_modules/axe-core/axe.min.js'
    if (-not (Test-Path $axe) -and (Get-Command npm -ErrorAction SilentlyContinue)) {
        npm ci --prefix (Join-Path $PSScriptRoot 'tests/a11y') --no-audit --no-fund
    }

    dotnet test $sln -c Release --logger 'trx;LogFileName=results.trx' --results-directory $results
    $code = $LASTEXITCODE

    $passed = 0; $failed = 0; $skipped = 0; $executed = 0
    foreach ($trx in Get-ChildItem $results -Filter *.trx -Recurse -ErrorAction SilentlyContinue) {
        $c = ([xml](Get-Content -Raw $trx.FullName)).TestRun.ResultSummary.Counters
        $executed += [int]$c.executed
        $passed += [int]$c.passed
        # Errors, time-outs and aborts are failures too, as far as CI is concerned.
        $failed += [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted
        # A skipped test is in total but not executed.
        $skipped += [int]$c.total - [int]$c.executed
    }

    $line = "$passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    [Console]::Out.WriteLine($line)

    # No trx or nothing executed means the tests did not run (e.g. a build error): that is a failure.
    if ($code -ne 0 -or $failed -gt 0 -or $executed -eq 0) { exit 1 }
    exit 0
}

# The young-generation budget for the host and the CLI (README "Configuration"): the runtime reads it only from the
# environment, and on a machine that does not report its CPU cache it otherwise collects every 3 MB.
function Set-YoungBudget {
    if (-not $env:DOTNET_GCgen0size) { $env:DOTNET_GCgen0size = '0x4000000' }
}

switch ($Task) {
    'build'  { dotnet build $sln -c Release }
    'test'   { Invoke-Tests }
    'run'    { Set-YoungBudget; dotnet run --project $hostProject -c Release -- @args }
    'bench'  { Set-YoungBudget; dotnet run --project $hostProject -c Release -- bench @args }
    'format' { dotnet format $sln --verify-no-changes }
}
exit $LASTEXITCODE
