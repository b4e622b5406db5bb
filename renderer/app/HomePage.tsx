/** Home: the lab list beside a live simulated cluster. */
import { LabList } from './LabList';
import { LiveClusterPanel } from '../features/cluster/LiveClusterPanel';

export function HomePage() {
  return (
    <div className="home">
      <LabList />
      <LiveClusterPanel />
    </div>
  );
}
