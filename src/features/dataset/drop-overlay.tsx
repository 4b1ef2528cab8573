/** Shown while files are dragged over the window; it never takes the drop itself. */
export function DropOverlay() {
  return (
    <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-sky-900/30 p-8">
      <p className="rounded-lg border-2 border-dashed border-sky-700 bg-white px-8 py-6 text-lg font-medium text-sky-900 shadow-lg">
        Drop .parquet files to open them
      </p>
    </div>
  );
}
