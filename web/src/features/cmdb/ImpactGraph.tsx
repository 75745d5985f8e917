/**
 * A layered graph of an impact or dependency walk, drawn as SVG: one column per distance from the
 * start, nodes ordered within a column to keep edges from crossing (barycentre sweeps), edges as
 * curves with the relationship's arrow. Hovering or focusing a node highlights the chain through it;
 * clicking (or Enter) opens the CI.
 */
import { Box, Group, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ImpactEdge, ImpactNode } from '../../api/queries/cmdb.ts';
import { ciPath } from './shared.tsx';

const NODE_W = 184;
const NODE_H = 46;
const COL_GAP = 96;
const ROW_GAP = 18;
const PAD = 16;

type Placed = ImpactNode & { x: number; y: number };

/** Columns by depth, each ordered by the mean position of its neighbours in the previous column. */
export function layoutLayers(nodes: ImpactNode[], edges: ImpactEdge[]): ImpactNode[][] {
  const maxDepth = nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const layers: ImpactNode[][] = Array.from({ length: maxDepth + 1 }, () => []);
  for (const n of [...nodes].sort((a, b) => a.name.localeCompare(b.name))) layers[n.depth]?.push(n);
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const e of edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  const position = new Map<string, number>();
  const index = (layer: ImpactNode[]) => {
    for (const [i, n] of layer.entries()) position.set(n.id, i);
  };
  layers.forEach(index);
  const sweep = (from: number, to: number, step: number) => {
    for (let d = from; d !== to; d += step) {
      const layer = layers[d];
      if (!layer) continue;
      const ref = new Set((layers[d - step] ?? []).map((n) => n.id));
      const score = new Map<string, number>();
      for (const n of layer) {
        const ps = (neighbours.get(n.id) ?? []).filter((x) => ref.has(x)).map((x) => position.get(x) ?? 0);
        score.set(n.id, ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : (position.get(n.id) ?? 0));
      }
      layer.sort((a, b) => (score.get(a.id) ?? 0) - (score.get(b.id) ?? 0));
      index(layer);
    }
  };
  for (let i = 0; i < 2; i++) {
    sweep(1, layers.length, 1);
    sweep(layers.length - 2, -1, -1);
  }
  return layers;
}

/** The nodes on a chain through `id`: everything reachable towards the start and away from it. */
function chainThrough(id: string, byId: Map<string, ImpactNode>, edges: ImpactEdge[]): Set<string> {
  const out = new Set([id]);
  const walk = (start: string, closer: boolean) => {
    const queue = [start];
    while (queue.length) {
      const cur = queue.shift()!;
      const depth = byId.get(cur)?.depth ?? 0;
      for (const e of edges) {
        const other = e.from === cur ? e.to : e.to === cur ? e.from : null;
        if (!other || out.has(other)) continue;
        const od = byId.get(other)?.depth ?? 0;
        if (closer ? od < depth : od > depth) {
          out.add(other);
          queue.push(other);
        }
      }
    }
  };
  walk(id, true);
  walk(id, false);
  return out;
}

export function ImpactGraph({
  nodes,
  edges,
  label,
}: {
  nodes: ImpactNode[];
  edges: ImpactEdge[];
  label: string;
}) {
  const navigate = useNavigate();
  const [hover, setHover] = useState<string | null>(null);
  const { placed, width, height, byId } = useMemo(() => {
    const layers = layoutLayers(nodes, edges);
    const rows = Math.max(1, ...layers.map((l) => l.length));
    const h = PAD * 2 + rows * NODE_H + (rows - 1) * ROW_GAP;
    const placed = new Map<string, Placed>();
    layers.forEach((layer, d) => {
      const colH = layer.length * NODE_H + Math.max(0, layer.length - 1) * ROW_GAP;
      const top = (h - colH) / 2;
      layer.forEach((n, i) => {
        placed.set(n.id, { ...n, x: PAD + d * (NODE_W + COL_GAP), y: top + i * (NODE_H + ROW_GAP) });
      });
    });
    return {
      placed,
      width: PAD * 2 + layers.length * NODE_W + Math.max(0, layers.length - 1) * COL_GAP,
      height: h,
      byId: new Map(nodes.map((n) => [n.id, n])),
    };
  }, [nodes, edges]);
  const lit = useMemo(() => (hover ? chainThrough(hover, byId, edges) : null), [hover, byId, edges]);
  const dim = (id: string) => (lit && !lit.has(id) ? 0.25 : 1);

  return (
    <Box>
      <Box style={{ overflowX: 'auto' }} className="impact-graph">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          aria-label={label}
          style={{ display: 'block', fontFamily: 'inherit' }}
        >
          <defs>
            <clipPath id="impact-node-clip">
              <rect x={0} y={0} width={NODE_W - 10} height={NODE_H} />
            </clipPath>
            <ArrowMarker id="impact-arrow" fill="#6b7280" />
            <ArrowMarker id="impact-arrow-lit" fill="#1c7ed6" />
          </defs>
          {edges.map((e) => {
            const a = placed.get(e.from);
            const b = placed.get(e.to);
            if (!a || !b) return null;
            const on = !!lit && lit.has(e.from) && lit.has(e.to);
            const forward = a.x <= b.x;
            let d: string;
            if (a.x === b.x) {
              // Same column: a loop out to the right.
              const x = a.x + NODE_W;
              d = `M ${x} ${a.y + NODE_H / 2} C ${x + 50} ${a.y + NODE_H / 2}, ${x + 50} ${b.y + NODE_H / 2}, ${x + 2} ${b.y + NODE_H / 2}`;
            } else {
              const x1 = forward ? a.x + NODE_W : a.x;
              const x2 = forward ? b.x - 2 : b.x + NODE_W + 2;
              const y1 = a.y + NODE_H / 2;
              const y2 = b.y + NODE_H / 2;
              const mid = (x1 + x2) / 2;
              d = `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`;
            }
            return (
              <path
                key={e.id}
                d={d}
                fill="none"
                stroke={on ? '#1c7ed6' : '#6b7280'}
                strokeWidth={on ? 2.2 : 1.3}
                opacity={lit && !on ? 0.2 : 1}
                markerEnd={on ? 'url(#impact-arrow-lit)' : 'url(#impact-arrow)'}
              >
                <title>{`${byId.get(e.from)?.name ?? ''} ${e.label} ${byId.get(e.to)?.name ?? ''}`}</title>
              </path>
            );
          })}
          {[...placed.values()].map((n) => {
            const root = n.depth === 0;
            const fill = root ? '#fff4e6' : n.isService ? '#e7f5ff' : '#ffffff';
            const stroke = root ? '#d9480f' : n.isService ? '#1971c2' : '#868e96';
            const open = () => navigate(ciPath(n.id));
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it acts as a link to the CI
              <g
                key={n.id}
                transform={`translate(${n.x},${n.y})`}
                role="link"
                tabIndex={0}
                aria-label={`${n.name} ${n.classLabel}${root ? ', start' : n.isService ? ', service' : ''}, distance ${n.depth}`}
                data-ci={n.name}
                style={{ cursor: 'pointer', outline: 'none' }}
                opacity={dim(n.id)}
                onMouseEnter={() => setHover(n.id)}
                onMouseLeave={() => setHover((h) => (h === n.id ? null : h))}
                onFocus={() => setHover(n.id)}
                onBlur={() => setHover((h) => (h === n.id ? null : h))}
                onClick={open}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    open();
                  }
                }}
              >
                <title>{`${n.name} (${n.classLabel})`}</title>
                <rect
                  width={NODE_W}
                  height={NODE_H}
                  rx={8}
                  fill={fill}
                  stroke={hover === n.id ? '#1c7ed6' : stroke}
                  strokeWidth={hover === n.id || root || n.isService ? 2 : 1}
                />
                {/* One text, clipped rather than shortened, so what shows is part of the link's name. */}
                <text clipPath="url(#impact-node-clip)">
                  <tspan x={10} y={19} fontSize={13} fontWeight={600} fill="#1a1b1e">
                    {n.name}
                  </tspan>
                  <tspan x={10} y={36} fontSize={11} fill="#495057">
                    {` ${n.classLabel}`}
                  </tspan>
                </text>
              </g>
            );
          })}
        </svg>
      </Box>
      <Group gap="lg" mt="xs" aria-hidden>
        <Legend fill="#fff4e6" stroke="#d9480f" text="Start" />
        <Legend fill="#e7f5ff" stroke="#1971c2" text="Service" />
        <Legend fill="#ffffff" stroke="#868e96" text="Other CI" />
        <Text size="xs" c="dimmed">
          Columns are the distance from the start. Arrows point along each relationship (from → to). Hover to
          trace a chain; click to open a CI.
        </Text>
      </Group>
    </Box>
  );
}

/** An arrowhead for the edges' ends, in one colour. */
function ArrowMarker({ id, fill }: { id: string; fill: string }) {
  return (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX="9"
      refY="5"
      markerWidth="7"
      markerHeight="7"
      orient="auto-start-reverse"
    >
      <path d="M 0 0 L 10 5 L 0 10 z" fill={fill} />
    </marker>
  );
}

function Legend({ fill, stroke, text }: { fill: string; stroke: string; text: string }) {
  return (
    <Group gap={6}>
      <svg width={16} height={12} aria-hidden>
        <rect x={1} y={1} width={14} height={10} rx={3} fill={fill} stroke={stroke} strokeWidth={1.5} />
      </svg>
      <Text size="xs">{text}</Text>
    </Group>
  );
}
