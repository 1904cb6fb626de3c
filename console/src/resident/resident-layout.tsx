import { Button, Layout, Typography } from 'antd';
import { useEffect } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session-context';

const linkStyle = ({ isActive }: { isActive: boolean }) => ({
  color: '#fff',
  padding: '4px 8px',
  borderBottom: isActive ? '2px solid #fff' : '2px solid transparent',
});

/** A phone-sized frame: the title, two links and sign-out, then the page. */
export default function ResidentLayout() {
  const { me, signOut } = useSession();
  const { pathname } = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0); // newer browsers answer with a promise, which must not become the effect's clean-up
  }, [pathname]);
  return (
    <Layout style={{ minHeight: '100vh', maxWidth: 560, margin: '0 auto', background: '#f5f5f5' }}>
      <Layout.Header
        style={{ background: '#c8161d', padding: '0 12px', display: 'flex', alignItems: 'center', gap: 8, height: 52 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, flex: 1 }}>
          接诉即办
        </Typography.Text>
        <nav aria-label="居民服务" style={{ display: 'flex', gap: 4 }}>
          <NavLink to="/m" end style={linkStyle}>
            我的诉求
          </NavLink>
          <NavLink to="/m/report" style={linkStyle}>
            反映问题
          </NavLink>
        </nav>
        <Button size="small" ghost onClick={() => void signOut()} aria-label={`退出登录（${me?.name ?? ''}）`}>
          退出
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
