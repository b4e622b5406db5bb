/**
 * The physical plan a DataFrame keeps beside its RDDs, printed by explain() as Spark prints it:
 * `== Physical Plan ==`, one operator a line, `+- ` under its parent, `*(n) ` before an operator
 * inside whole-stage code generation stage n (numbered children first, as Spark's
 * CollapseCodegenStages does), an Exchange ending a stage.
 */
export interface Plan {
  op: string;
  children: Plan[];
  /** Compiled into a WholeStageCodegen stage (Exchange, scans of local data and BroadcastExchange are not). */
  codegen: boolean;
  /** Its children are code-generated in stages of their own (SortMergeJoin's inputs). */
  splitChildren?: boolean;
}

export function planNode(op: string, children: Plan[], codegen = true): Plan {
  return { op, children, codegen };
}

export function explainString(root: Plan): string {
  const ids = new Map<Plan, number>();
  let next = 1;
  // A codegen stage is a maximal group of codegen operators; its id is given after its inputs'.
  const assign = (p: Plan, parentCodegen: boolean): void => {
    for (const c of p.children) assign(c, p.codegen && !p.splitChildren);
    if (p.codegen && !parentCodegen) ids.set(p, next++);
  };
  assign(root, false);
  // Operators inside a stage share its root's id.
  const lines: string[] = ['== Physical Plan =='];
  const walk = (p: Plan, prefix: string, childPrefix: string, stage: number | null): void => {
    const id = p.codegen ? (ids.get(p) ?? stage) : null;
    lines.push(`${prefix}${id !== null ? `*(${id}) ` : ''}${p.op}`);
    p.children.forEach((c, i) => {
      const last = i === p.children.length - 1;
      const inherited = p.codegen && !p.splitChildren ? id : null;
      walk(c, `${childPrefix}${last ? '+- ' : ':- '}`, `${childPrefix}${last ? '   ' : ':  '}`, inherited);
    });
  };
  walk(root, '', '', null);
  return `${lines.join('\n')}\n`;
}
