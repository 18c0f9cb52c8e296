/**
 * Numbers connections in the order they are first seen (1, 2, ...), so that the journal
 * shows which requests shared a keep-alive socket. Each call makes an independent counter.
 *
 * @example
 * const connectionOf = connectionNumbers();
 * connectionOf(req.socket); // 1 for the first socket, the same number for its later requests
 */
export function connectionNumbers(): (socket: object) => number {
  const seen = new WeakMap<object, number>();
  let count = 0;
  return (socket) => {
    let n = seen.get(socket);
    if (n === undefined) seen.set(socket, (n = ++count));
    return n;
  };
}
