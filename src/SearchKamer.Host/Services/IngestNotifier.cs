using System.Threading.Channels;

namespace SearchKamer.Host.Services;

/// <summary>
/// "Something was indexed": raised by whoever ingests inside the host, awaited by the alert service.
/// Signals collapse into one, because the evaluator reads the index itself and catches up on all of them.
/// </summary>
public sealed class IngestNotifier
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Ingested() => _signal.Writer.TryWrite(true);

    /// <summary>Completes at the next signal or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _signal.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
