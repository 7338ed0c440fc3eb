// `npm run analyze` (part of `npm run build`): writes the custom-elements manifest, custom-elements.json, from the
// elements' classes and their JSDoc (@tag, @summary, @slot, @event, @csspart, @cssproperty). It ships with the
// package (`"customElements"` in package.json), and Storybook builds its controls from it.

/**
 * Widgets extend `CcWidget<Strings>`; the analyzer copies the base class's members with its type parameter
 * (`strings: Partial<S>`). This names the element's own strings type instead (`Partial<CcAuthStrings>`).
 */
function widgetStrings() {
  const typeArgs = new Map();
  return {
    name: 'cc-widget-strings',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const clause of node.heritageClauses ?? []) {
        for (const type of clause.types) {
          if (type.expression.getText() === 'CcWidget' && type.typeArguments?.length === 1) {
            typeArgs.set(node.name.getText(), type.typeArguments[0].getText());
          }
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          const strings = typeArgs.get(decl.name);
          if (!strings) continue;
          const fix = (type) => type && { ...type, text: type.text.replace(/\bS\b/g, strings) };
          decl.members = (decl.members ?? []).map((inherited) => {
            if (inherited.inheritedFrom?.name !== 'CcWidget') return inherited;
            // Inherited members are shared between the subclasses' entries: change a copy.
            const member = structuredClone(inherited);
            if (member.type) member.type = fix(member.type);
            if (member.return?.type) member.return.type = fix(member.return.type);
            for (const p of member.parameters ?? []) if (p.type) p.type = fix(p.type);
            if (member.name === 'strings') member.description = `${member.description} Keys and English defaults: \`${strings}\`.`;
            return member;
          });
        }
      }
    },
  };
}

/**
 * Class files never register a tag; `define/<tag>.ts` does (`CcTaskPanel.define('cc-task-panel')`). The analyzer
 * does not see that call, so this adds each define module's `custom-element-definition` export, which tools use
 * to know which import defines which tag.
 */
function defineModules() {
  return {
    name: 'cc-define-modules',
    packageLinkPhase({ customElementsManifest }) {
      const byTag = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.customElement && decl.tagName) byTag.set(decl.tagName, { name: decl.name, module: mod.path });
        }
      }
      for (const mod of customElementsManifest.modules) {
        const match = /^define\/(cc-[a-z-]+)\.ts$/.exec(mod.path);
        const declaration = match && byTag.get(match[1]);
        if (!declaration) continue;
        mod.exports = [...(mod.exports ?? []), { kind: 'custom-element-definition', name: match[1], declaration }];
      }
    },
  };
}

export default {
  litelement: true,
  globs: ['components/**/*.ts', 'define/cc-*.ts', 'src/base/cc-element.ts', 'src/base/cc-widget.ts'],
  exclude: ['components/**/*.styles.ts', 'components/**/*.icons.ts'],
  outdir: '.',
  plugins: [widgetStrings(), defineModules()],
};
