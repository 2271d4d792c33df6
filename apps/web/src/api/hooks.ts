import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App } from 'antd';
import { useNotifyError } from '../components/ErrorAlert';

interface ActionOptions<TResult> {
  /** Queries to refetch once it succeeded. */
  invalidate?: QueryKey[];
  successText?: string;
  onSuccess?: (result: TResult) => void;
  /** Defaults to a toast; forms pass their field-error reporter. */
  onError?: (error: unknown) => void;
}

/** A write to the API: refreshes what it changed, says so, and reports failures. */
export function useAction<TArgs, TResult>(run: (args: TArgs) => Promise<TResult>, options: ActionOptions<TResult> = {}) {
  const queryClient = useQueryClient();
  const notify = useNotifyError();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      await Promise.all((options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      // The message's promise only says when it closes; it never rejects.
      if (options.successText) void message.success(options.successText);
      options.onSuccess?.(result);
    },
    onError: options.onError ?? notify,
  });
}
