import { FifoGate } from './fifo-gate';

describe('FifoGate', () => {
  it('lets `limit` in at once and the rest in the order they came, as places free', () => {
    const gate = new FifoGate(2);
    const admitted: string[] = [];
    const leave = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [name, gate.enter(() => admitted.push(name))]));
    expect(admitted).toEqual(['a', 'b']);
    expect(gate.waiting).toBe(3);
    leave.b();
    expect(admitted).toEqual(['a', 'b', 'c']);
    leave.a();
    leave.c();
    expect(admitted).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(gate.waiting).toBe(0);
  });

  it('drops one who gives up waiting, without letting anyone in for them', () => {
    const gate = new FifoGate(1);
    const admitted: string[] = [];
    const leaveA = gate.enter(() => admitted.push('a'));
    const leaveB = gate.enter(() => admitted.push('b'));
    gate.enter(() => admitted.push('c'));
    leaveB();
    expect(gate.waiting).toBe(1);
    expect(admitted).toEqual(['a']);
    leaveA();
    expect(admitted).toEqual(['a', 'c']);
  });

  it('ignores a second leave, so a place is never freed twice', () => {
    const gate = new FifoGate(1);
    const admitted: string[] = [];
    const leaveA = gate.enter(() => admitted.push('a'));
    gate.enter(() => admitted.push('b'));
    gate.enter(() => admitted.push('c'));
    leaveA();
    leaveA();
    expect(admitted).toEqual(['a', 'b']);
    expect(gate.waiting).toBe(1);
    // Once everyone left, the gate is empty again: the next one is let in at once.
    const fresh = new FifoGate(1);
    const leave = fresh.enter(() => undefined);
    leave();
    leave();
    const order: string[] = [];
    fresh.enter(() => order.push('x'));
    fresh.enter(() => order.push('y'));
    expect(order).toEqual(['x']);
  });

  it('refuses a limit below 1', () => {
    expect(() => new FifoGate(0)).toThrow(RangeError);
    expect(() => new FifoGate(1.5)).toThrow(RangeError);
  });
});
