"use client";

import { LabelList, Legend, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Symbols, XAxis, YAxis, type LabelProps } from "recharts";
import { boxGeometry, describeDistributionChart, labelAbove, scaleTicks, stripDots, type DistributionView } from "@/lib/distribution-layout";

// Sizes are areas in square pixels: the system's organisations larger, as well as another
// shape and colour. (A ZAxis range does not size dots that carry no z value.)
const OtherDot = ({ cx, cy }: { cx?: number; cy?: number }) => <Symbols cx={cx} cy={cy} type="circle" size={40} fill="#768692" fillOpacity={0.7} />;
const SystemDiamond = ({ cx, cy }: { cx?: number; cy?: number }) => <Symbols cx={cx} cy={cy} type="diamond" size={160} fill="#7c2855" stroke="#ffffff" />;

// Names sit above and below in turn, clear of the dot (pixels, not strip units).
function HighlightedName({ x, y, value, index }: LabelProps) {
  if (typeof x !== "number" || typeof y !== "number") return null;
  return (
    // The white outline keeps a name readable where it crosses dots or the box.
    <text x={x} y={labelAbove(index ?? 0) ? y - 12 : y + 22} textAnchor="middle" fontSize={12} fontWeight="bold" fill="#212b32" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
      {String(value)}
    </text>
  );
}

/**
 * Every organisation in the care setting as a dot along the score axis, the quartile box
 * and median behind them, and the viewer's system's organisations as named diamonds.
 * The picture is one image to assistive technology; DistributionTable carries the figures.
 */
export function DistributionChart(view: DistributionView) {
  const { scale, distribution } = view;
  const { others, highlighted } = stripDots(view.points);
  const { box, median } = boxGeometry(distribution);
  return (
    <div className="app-chart app-chart--small" role="img" aria-label={describeDistributionChart(view)}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 24, right: 24, bottom: 8, left: 24 }} accessibilityLayer={false}>
          <XAxis type="number" dataKey="x" domain={[scale.min, scale.max]} ticks={scaleTicks(scale)} allowDataOverflow />
          <YAxis type="number" dataKey="y" domain={[-1, 1]} hide />
          <ReferenceArea {...box} fill="#d8dde0" fillOpacity={0.6} stroke="#768692" ifOverflow="hidden" />
          <ReferenceLine segment={median} stroke="#212b32" strokeWidth={3} ifOverflow="hidden" />
          <Legend verticalAlign="top" />
          <Scatter name="Other organisations" data={others} shape={OtherDot} fill="#768692" isAnimationActive={false} />
          <Scatter name="Your system's organisations" data={highlighted} shape={SystemDiamond} legendType="diamond" fill="#7c2855" isAnimationActive={false}>
            <LabelList dataKey="name" content={HighlightedName} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
