/** Every setup returns its disposer; a bag of them is undone at once, last added first. */
export class Disposers {
  private readonly list: Array<() => void> = [];

  add(...disposers: Array<() => void>): void {
    this.list.push(...disposers);
  }

  get size(): number {
    return this.list.length;
  }

  dispose(): void {
    for (const dispose of this.list.splice(0).reverse()) dispose();
  }
}
