export type FlushOptions = { announce: boolean };

/**
 * Runs a cluster's flushes one after another, so transitions are recorded
 * and announced in the order they were observed. A flush requested while
 * another waits in line joins it.
 */
export class FlushChain {
  /** The last flush queued or running. */
  private chain: Promise<void> = Promise.resolve();
  /** A flush queued behind the running one; later requests join it. */
  private queued?: FlushOptions;

  constructor(
    private readonly options: {
      flush: (options: FlushOptions) => Promise<void>;
      onError: (error: Error) => void;
      isStopped: () => boolean;
    },
  ) {}

  enqueue({ announce }: FlushOptions): Promise<void> {
    if (this.queued) {
      this.queued.announce ||= announce;
      return this.chain;
    }
    const queued = { announce };
    this.queued = queued;
    this.chain = this.chain.then(async () => {
      this.queued = undefined;
      if (this.options.isStopped()) return;
      try {
        await this.options.flush(queued);
      } catch (error) {
        this.options.onError(error as Error);
      }
    });
    return this.chain;
  }

  /** Settles when the last flush queued or running has. */
  idle(): Promise<void> {
    return this.chain;
  }
}
