import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createRouter, RouterOptions } from '../service/router';

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  match(path: string): boolean;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

describe('the OpenAPI document', () => {
  const document = parse(
    readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'),
  ) as { paths: Record<string, Record<string, unknown>> };

  it('documents exactly the routes the router serves', async () => {
    // The routes are only inspected, never called: no dependency is used.
    const router = await createRouter({} as RouterOptions);
    const layers = (router as unknown as { stack: Layer[] }).stack.filter(
      layer => layer.route,
    );
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter(method => METHODS.includes(method))
        .map(method => ({
          method,
          // An example of the path: {cluster} → x.
          example: path.replace(/\{[^}]+\}/g, 'x'),
          path,
        })),
    );

    for (const { method, example, path } of documented) {
      const served = layers.some(
        layer => layer.route!.methods[method] && layer.match(example),
      );
      expect({ method, path, served }).toEqual({ method, path, served: true });
    }
    for (const layer of layers) {
      for (const method of Object.keys(layer.route!.methods)) {
        const described = documented.some(
          d => d.method === method && layer.match(d.example),
        );
        expect({ method, route: layer.route!.path, described }).toEqual({
          method,
          route: layer.route!.path,
          described: true,
        });
      }
    }
  });
});
